package io.kelvin.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Keycloak (the Maven Central {@code keycloak-quarkus-dist}) on loopback, for the OIDC tests:
 * {@code kc.sh start-dev} with HTTP only on {@code 127.0.0.1} and a free port, the dev-file (H2)
 * database in its own home under {@code target/}, and the test realm
 * ({@link KeycloakRealm}) imported. Its output goes to {@code <home>/keycloak.log}.
 *
 * <p>{@link #shared()} starts one server per test JVM, lazily, for every test class to reuse; a
 * JVM shutdown hook stops it (SIGTERM to {@code kc.sh}, which passes it on to Keycloak's JVM, then
 * SIGKILL to the whole process tree after {@link KeycloakProcess#STOP_TIMEOUT}). When the server is
 * not ready within the start budget the tests that need it are skipped with the measured reason
 * (wall and CPU time, load average, which one-time steps ran); when it fails outright they fail.
 *
 * <p>Start-up cost is paid once per build where it can be: Keycloak's augmentation is kept in the
 * distribution's {@code lib/quarkus}, and the database of a server that has just imported the realm
 * is kept as a seed (see {@link KeycloakDistribution}); figures are in testkit's README.
 *
 * <p>Settings (system properties): {@code kelvin.keycloak.start-timeout} (seconds, default 300,
 * the whole start including one-time steps), {@code kelvin.keycloak.seed} (default true),
 * {@code kelvin.keycloak.java-home} (default: this JVM's {@code java.home}),
 * {@code kelvin.keycloak.jvm-options} (added to Keycloak's own; default
 * {@link Settings#START_UP_JVM_OPTIONS}, empty for none), {@code kelvin.keycloak.work-dir}
 * (default {@code target}), {@code kelvin.keycloak.home} (see {@link KeycloakDistribution}).
 */
public final class KeycloakServer implements AutoCloseable {

    /** Master-realm administrator that {@code kc.sh} bootstraps (client {@code admin-cli}). */
    public static final String ADMIN_USERNAME = "kc-admin";
    public static final String ADMIN_PASSWORD = "kc-admin-test-pw";

    /**
     * System property (JVM-wide; outside the app's {@code kelvin.*} config root) naming the shared server as {@code <port>|<home>} once it is up, so
     * that a copy of this class in another class loader (Quarkus loads a {@code @QuarkusTest} class,
     * its test profile and its test resources apart from JUnit's conditions) uses the same server
     * instead of starting a second one.
     */
    static final String SHARED_PROPERTY = "io.kelvin.testkit.keycloak.shared";

    private static final Object SHARED_LOCK = new Object();
    private static KeycloakServer shared;
    private static RuntimeException sharedFailure;

    private final KeycloakProcess process;
    private final Startup startup;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2)).followRedirects(HttpClient.Redirect.NEVER).build();

    private KeycloakServer(KeycloakProcess process, Startup startup) {
        this.process = process;
        this.startup = startup;
    }

    /**
     * The server shared by every test in this JVM, started on first use. Aborts the calling test
     * (a JUnit skip) when Keycloak was not ready within the start budget, and throws when it could
     * not start at all; either outcome is remembered, so later callers do not wait again.
     */
    public static KeycloakServer shared() {
        synchronized (SHARED_LOCK) {
            if (shared == null && sharedFailure == null) {
                try {
                    String running = System.getProperty(SHARED_PROPERTY);
                    if (running != null) {
                        shared = attach(running);
                    } else {
                        shared = start(KeycloakDistribution.locate(), Settings.fromSystemProperties());
                        System.setProperty(SHARED_PROPERTY, shared.process.port() + "|" + shared.home());
                    }
                } catch (RuntimeException e) {
                    sharedFailure = e;
                }
            }
            if (sharedFailure instanceof StartTimeout timeout) {
                Assumptions.abort(timeout.getMessage());
            }
            if (sharedFailure != null) {
                throw new IllegalStateException("the shared Keycloak could not start", sharedFailure);
            }
            return shared;
        }
    }

    /**
     * The shared server another class loader started ({@link #SHARED_PROPERTY}): same port and home,
     * no process of its own (closing it stops nothing; the owner's shutdown hook does), and a zero
     * {@link Startup} since this copy did not start it.
     */
    private static KeycloakServer attach(String running) {
        String[] parts = running.split("\\|", 2);
        KeycloakProcess process = new KeycloakProcess(Path.of(parts[1]), Integer.parseInt(parts[0]),
                Settings.fromSystemProperties());
        return new KeycloakServer(process, new Startup(Duration.ZERO, Duration.ZERO, false, false, false));
    }

    /** Starts a server of its own (not shared), e.g. for the start-up benchmark. */
    static KeycloakServer start(KeycloakDistribution distribution, Settings settings) {
        byte[] realm = realmJson();
        long begin = System.nanoTime();
        long deadline = begin + settings.startTimeout().toNanos();
        try (KeycloakDistribution.Lock lock = distribution.lock()) {
            Path home = distribution.newHome(settings.workDir(), realm, KeycloakRealm.NAME);
            boolean fromSeed = settings.seed() && distribution.copySeedInto(home, realm);
            KeycloakProcess process = new KeycloakProcess(home, FreePorts.loopback(), settings);
            try {
                process.launchAndAwaitReady(deadline, fromSeed ? "database from the seed" : "new database");
                boolean seedWritten = false;
                if (settings.seed() && !fromSeed) {
                    // The database holds the imported realm and nothing else yet: keep it for later
                    // starts, unless Keycloak had to be killed before it closed the database.
                    seedWritten = process.stop();
                    if (seedWritten) {
                        distribution.saveSeedFrom(home, realm);
                    }
                    process.launchAndAwaitReady(deadline, "restart after writing the seed");
                }
                return new KeycloakServer(process, new Startup(Duration.ofNanos(System.nanoTime() - begin),
                        process.cpu(), process.augmented(), fromSeed, seedWritten));
            } catch (RuntimeException e) {
                process.stop();
                throw e;
            }
        }
    }

    /** {@code http://127.0.0.1:<port>}: the server's root, also its front-end URL. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + process.port());
    }

    /** The test realm's issuer ({@code iss} of its tokens): {@code <base>/realms/kelvin}. */
    public URI issuer() {
        return URI.create(baseUri() + "/realms/" + KeycloakRealm.NAME);
    }

    /** The OIDC discovery document of the test realm (OpenID Connect Discovery 1.0, section 4). */
    public URI discoveryUri() {
        return URI.create(issuer() + "/.well-known/openid-configuration");
    }

    public URI tokenEndpoint() {
        return URI.create(issuer() + "/protocol/openid-connect/token");
    }

    public URI authorizationEndpoint() {
        return URI.create(issuer() + "/protocol/openid-connect/auth");
    }

    public URI jwksUri() {
        return URI.create(issuer() + "/protocol/openid-connect/certs");
    }

    /**
     * quarkus-oidc settings that point an application under test at this server as the dashboard
     * client, with roles from {@link KeycloakRealm#ROLE_CLAIM}, and turn Quarkus' own Keycloak dev
     * service (a container) off; e.g. the config of a {@code QuarkusTestResourceLifecycleManager}.
     */
    public Map<String, String> quarkusOidcProperties() {
        KeycloakRealm.Client dashboard = KeycloakRealm.Client.DASHBOARD;
        return Map.of(
                "quarkus.oidc.auth-server-url", issuer().toString(),
                "quarkus.oidc.client-id", dashboard.clientId(),
                "quarkus.oidc.credentials.secret", dashboard.secret(),
                "quarkus.oidc.roles.role-claim-path", KeycloakRealm.ROLE_CLAIM,
                "quarkus.keycloak.devservices.enabled", "false");
    }

    /** Discovery, JWKS and token grants against the test realm. */
    public KeycloakOidc oidc() {
        return new KeycloakOidc(this, http);
    }

    /** A new cookie jar for the authorization-code flow, run as a browser would, without one. */
    public BrowserlessLogin browserlessLogin() {
        return new BrowserlessLogin(this);
    }

    /** How the start went. */
    public Startup startup() {
        return startup;
    }

    /** The server's home: its own {@code data/} and {@code keycloak.log}. */
    public Path home() {
        return process.home();
    }

    /** Keycloak's output so far, for failure messages. */
    public String log() {
        return process.log();
    }

    /** The PID of {@code kc.sh}; its child is Keycloak's JVM. */
    public long pid() {
        return process.pid();
    }

    /** Stops the server and its process tree; the home stays for post-mortems. */
    @Override
    public void close() {
        process.stop();
    }

    private static byte[] realmJson() {
        try (InputStream in = KeycloakServer.class.getResourceAsStream(KeycloakRealm.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(KeycloakRealm.RESOURCE + " missing from testkit's classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + KeycloakRealm.RESOURCE, e);
        }
    }

    /**
     * How a start went: wall time from the call to ready, CPU time of Keycloak's processes (zero
     * where /proc is not readable), whether Keycloak augmented its build first, whether the database
     * came from a seed, and whether this start wrote the seed (one extra stop and start).
     */
    public record Startup(Duration wall, Duration cpu, boolean augmented, boolean fromSeed, boolean seedWritten) {
    }

    /** Start settings; see the class comment for the system properties. */
    record Settings(Duration startTimeout, boolean seed, Path javaHome, List<String> jvmOptions, Path workDir) {

        /**
         * Added to Keycloak's JVM options unless {@code kelvin.keycloak.jvm-options} says otherwise:
         * C1 only and the serial collector with a 256 MB initial heap. A test server lives minutes,
         * so C2's and G1's start-up work never pays back; measured, they halve the CPU of a start
         * (testkit README).
         */
        static final List<String> START_UP_JVM_OPTIONS =
                List.of("-XX:TieredStopAtLevel=1", "-XX:-UseG1GC", "-XX:+UseSerialGC", "-Xms256m");

        static Settings fromSystemProperties() {
            String options = System.getProperty("kelvin.keycloak.jvm-options");
            return new Settings(
                    Duration.ofSeconds(Long.getLong("kelvin.keycloak.start-timeout", 300)),
                    Boolean.parseBoolean(System.getProperty("kelvin.keycloak.seed", "true")),
                    Path.of(System.getProperty("kelvin.keycloak.java-home", System.getProperty("java.home"))),
                    options == null ? START_UP_JVM_OPTIONS
                            : options.isBlank() ? List.of() : List.of(options.trim().split("\\s+")),
                    Path.of(System.getProperty("kelvin.keycloak.work-dir", "target")).toAbsolutePath());
        }

        Settings withSeed(boolean useSeed) {
            return new Settings(startTimeout, useSeed, javaHome, jvmOptions, workDir);
        }
    }

    /** Keycloak was not ready within the start budget; the message says what was measured. */
    public static final class StartTimeout extends RuntimeException {
        StartTimeout(String message) {
            super(message);
        }
    }

    static String loadDescription() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.format("load average %.1f on %d cores", load, Runtime.getRuntime().availableProcessors());
    }
}
