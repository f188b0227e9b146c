package io.kelvin.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Start-up benchmark of the Keycloak test server ({@code ./kelvin bench keycloak}). One line per
 * start: wall time to ready, CPU time of Keycloak's processes, load average, what ran; then the
 * median of each kind and its ratio to the baseline measured in the same run.
 *
 * <ul>
 *   <li>{@code plain} (the baseline): what {@code kc.sh start-dev --import-realm} costs on the
 *       augmented distribution with Keycloak's own JVM options and a new database.</li>
 *   <li>{@code tuned}: the fixture's JVM options ({@link KeycloakServer.Settings#START_UP_JVM_OPTIONS}),
 *       a new database.</li>
 *   <li>{@code seed}: the fixture's warm start: its JVM options and the seed database.</li>
 *   <li>{@code cold} (only with {@code --cold}): a distribution unzipped afresh from the Maven
 *       repository's zip, as on a fresh CI machine: augmentation, schema and realm import, then the
 *       stop and start that write the seed.</li>
 * </ul>
 *
 * <p>Options: {@code --runs N} (rounds of plain, tuned and seed; default 3), {@code --cold},
 * {@code --zip PATH} (default: the distribution zip in the Maven repository the classpath came
 * from), {@code --jvm-options "..."} (instead of the fixture's, for experiments).
 */
public final class KeycloakStartBench {

    private KeycloakStartBench() {
    }

    public static void main(String[] args) throws IOException {
        int runs = 3;
        boolean cold = false;
        String version = KeycloakDistribution.bundledVersion();
        Path zip = mavenRepository().resolve(Path.of("org", "keycloak", "keycloak-quarkus-dist", version,
                "keycloak-quarkus-dist-" + version + ".zip"));
        List<String> jvmOptions = KeycloakServer.Settings.START_UP_JVM_OPTIONS;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--cold" -> cold = true;
                case "--zip" -> zip = Path.of(args[++i]);
                case "--jvm-options" -> jvmOptions = args[++i].isBlank() ? List.of() : List.of(args[i].trim().split("\\s+"));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--runs N, --cold, --zip PATH, --jvm-options \"...\")");
            }
        }
        Path work = Path.of("testkit", "target", "keycloak-bench").toAbsolutePath();
        KeycloakServer.Settings base = KeycloakServer.Settings.fromSystemProperties();
        KeycloakServer.Settings tuned = new KeycloakServer.Settings(Duration.ofMinutes(15), true,
                base.javaHome(), jvmOptions, work);
        KeycloakServer.Settings plain = new KeycloakServer.Settings(Duration.ofMinutes(15), false,
                base.javaHome(), List.of(), work);
        System.out.printf("keycloak %s, %d cores, fixture JVM options %s%n", version,
                Runtime.getRuntime().availableProcessors(), jvmOptions);
        Map<String, List<KeycloakServer.Startup>> results = new LinkedHashMap<>();
        KeycloakDistribution warm = KeycloakDistribution.locate();
        for (int run = 0; run < runs; run++) {
            measure("plain", warm, plain, results);
            measure("tuned", warm, tuned.withSeed(false), results);
            measure("seed", warm, tuned, results);
        }
        if (cold) {
            Path unzipped = Files.createTempDirectory(Files.createDirectories(work), "dist-");
            measure("cold", KeycloakDistribution.at(unzip(zip, unzipped, version)), tuned, results);
            deleteRecursively(unzipped);
        }
        summarize(results);
    }

    private static void measure(String kind, KeycloakDistribution distribution, KeycloakServer.Settings settings,
            Map<String, List<KeycloakServer.Startup>> results) {
        String loadBefore = KeycloakServer.loadDescription();
        try (KeycloakServer server = KeycloakServer.start(distribution, settings)) {
            KeycloakServer.Startup startup = server.startup();
            // Prove the server serves the realm before the figure counts.
            server.oidc().forClient(KeycloakRealm.Client.PLATFORM);
            results.computeIfAbsent(kind, k -> new ArrayList<>()).add(startup);
            System.out.printf(Locale.ROOT, "%-6s wall %6.1f s  cpu %6.1f s  rss %4d MiB  augmented %-5s seed %-7s (%s before, %s after)%n",
                    kind, seconds(startup.wall()), seconds(startup.cpu()), residentMib(server.pid()), startup.augmented(),
                    startup.fromSeed() ? "used" : startup.seedWritten() ? "written" : "none",
                    loadBefore, KeycloakServer.loadDescription());
        }
    }

    /** Resident memory of kc.sh and its descendants (VmRSS in /proc/PID/status), MiB. */
    private static long residentMib(long pid) {
        return ProcessHandle.of(pid).stream().flatMap(root -> Stream.concat(Stream.of(root), root.descendants()))
                .mapToLong(process -> {
                    try {
                        return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                                .filter(line -> line.startsWith("VmRSS:"))
                                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).sum();
                    } catch (IOException gone) {
                        return 0;
                    }
                }).sum() / 1024;
    }

    private static void summarize(Map<String, List<KeycloakServer.Startup>> results) {
        double baseWall = median(results.get("plain"), KeycloakServer.Startup::wall);
        double baseCpu = median(results.get("plain"), KeycloakServer.Startup::cpu);
        results.forEach((kind, startups) -> {
            double wall = median(startups, KeycloakServer.Startup::wall);
            double cpu = median(startups, KeycloakServer.Startup::cpu);
            System.out.printf(Locale.ROOT, "median %-6s wall %6.1f s (%.2f x plain)  cpu %6.1f s (%.2f x plain)  n=%d%n",
                    kind, wall, wall / baseWall, cpu, cpu / baseCpu, startups.size());
        });
    }

    private static double median(List<KeycloakServer.Startup> startups,
            Function<KeycloakServer.Startup, Duration> figure) {
        double[] sorted = startups.stream().map(figure).mapToDouble(KeycloakStartBench::seconds).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** The Maven repository this benchmark's classpath came from: six levels above JUnit's jar. */
    private static Path mavenRepository() {
        try {
            Path jar = Path.of(Test.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // <repo>/org/junit/jupiter/junit-jupiter-api/<version>/junit-jupiter-api-<version>.jar
            return jar.getParent().getParent().getParent().getParent().getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate JUnit's jar", e);
        }
    }

    /** Unzips the distribution as Maven does (kc.sh made executable); returns its root. */
    private static Path unzip(Path zip, Path into, String version) throws IOException {
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            List<? extends ZipEntry> entries = new ArrayList<>(archive.stream().toList());
            for (ZipEntry entry : entries) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException(zip + ": entry " + entry.getName() + " leaves the target dir");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = archive.getInputStream(entry)) {
                    Files.copy(in, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unzip " + zip, e);
        }
        Path root = into.resolve("keycloak-" + version);
        if (!root.resolve("bin/kc.sh").toFile().setExecutable(true)) {
            throw new IOException("cannot make " + root.resolve("bin/kc.sh") + " executable");
        }
        return root;
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
