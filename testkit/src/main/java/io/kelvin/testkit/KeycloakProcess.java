package io.kelvin.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One {@code kc.sh start-dev} process tree in a server home: launch, wait until the test realm's
 * discovery document answers, stop. Stopping sends SIGTERM to {@code kc.sh} (it passes the signal
 * to Keycloak's JVM and waits for it) and SIGKILLs the whole tree after {@link #STOP_TIMEOUT}; a
 * JVM shutdown hook stops every process still running, so none outlives the test JVM.
 */
final class KeycloakProcess {

    static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(250);
    /** Linux's USER_HZ: the unit of the CPU times in /proc/PID/stat. */
    private static final long CLOCK_TICKS_PER_S = 100;
    private static final Set<KeycloakProcess> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> RUNNING.forEach(KeycloakProcess::stop), "keycloak-reaper"));
    }

    private final Path home;
    private final int port;
    private final KeycloakServer.Settings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private Process process;
    private Duration cpuOfEarlierRuns = Duration.ZERO;

    KeycloakProcess(Path home, int port, KeycloakServer.Settings settings) {
        this.home = home;
        this.port = port;
        this.settings = settings;
    }

    Path home() {
        return home;
    }

    int port() {
        return port;
    }

    synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /**
     * Starts {@code kc.sh start-dev} and waits until the realm is served or the deadline passes;
     * {@code situation} (e.g. "database from the seed") goes into the timeout's message.
     */
    void launchAndAwaitReady(long deadlineNanos, String situation) {
        launch();
        awaitReady(deadlineNanos, situation);
    }

    private synchronized void launch() {
        List<String> command = List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port,
                // A fixed front-end URL keeps the issuer the same however a test addresses the server.
                "--hostname=http://127.0.0.1:" + port,
                "--import-realm");
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
        environment(builder.environment());
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.getFirst(), e);
        }
        RUNNING.add(this);
    }

    private void environment(Map<String, String> env) {
        // Settings for another Keycloak or Quarkus app in the caller's environment must not leak in.
        env.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("QUARKUS_")
                || name.startsWith("JAVA_OPTS") || Set.of("JAVA", "JAVA_ADD_OPENS", "JAVA_LOCALE", "DEBUG").contains(name));
        env.put("JAVA_HOME", settings.javaHome().toString());
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", KeycloakServer.ADMIN_USERNAME);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", KeycloakServer.ADMIN_PASSWORD);
        if (!settings.jvmOptions().isEmpty()) {
            env.put("JAVA_OPTS_APPEND", String.join(" ", settings.jvmOptions()));
        }
    }

    private void awaitReady(long deadlineNanos, String situation) {
        URI discovery = URI.create("http://127.0.0.1:" + port + "/realms/" + KeycloakRealm.NAME
                + "/.well-known/openid-configuration");
        HttpRequest probe = HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(2)).GET().build();
        while (System.nanoTime() < deadlineNanos) {
            Process current = current();
            if (!current.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + current.exitValue()
                        + " while starting; " + home.resolve("keycloak.log") + " ends with:\n" + logTail(40));
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
            sleep(POLL);
        }
        throw new KeycloakServer.StartTimeout("Keycloak was not ready within "
                + settings.startTimeout().toSeconds() + " s (" + situation + "; CPU " + cpu().toSeconds()
                + " s in Keycloak's processes; augmentation " + (augmented() ? "ran in this start" : "reused")
                + "; " + KeycloakServer.loadDescription() + "); raise -Dkelvin.keycloak.start-timeout on a"
                + " busy machine; log: " + logFile() + "; last lines:\n" + logTail(15));
    }

    /** Whether Keycloak rebuilt (augmented) itself during this home's starts. */
    boolean augmented() {
        return log().contains("Updating the configuration");
    }

    /** CPU time (user + system, including exited children) of every process of every run so far. */
    synchronized Duration cpu() {
        return process == null ? cpuOfEarlierRuns : cpuOfEarlierRuns.plus(cpuOfTree(process.toHandle()));
    }

    /**
     * Stops the process tree (SIGTERM, then SIGKILL for every process after {@link #STOP_TIMEOUT});
     * true when Keycloak ended on SIGTERM alone, i.e. it closed its database.
     */
    synchronized boolean stop() {
        if (process == null) {
            return true;
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        cpuOfEarlierRuns = cpuOfEarlierRuns.plus(cpuOfTree(process.toHandle()));
        process.destroy();
        boolean clean = false;
        try {
            clean = process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!clean) {
                tree.forEach(ProcessHandle::destroyForcibly);
                process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            tree.forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        } finally {
            // kc.sh waits for Keycloak's JVM, but a SIGKILLed kc.sh would leave it running.
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            RUNNING.remove(this);
            process = null;
        }
        return clean;
    }

    String log() {
        try {
            return Files.exists(logFile()) ? Files.readString(logFile(), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + logFile() + ": " + e.getMessage() + ")";
        }
    }

    private String logTail(int lines) {
        List<String> all = log().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private Path logFile() {
        return home.resolve("keycloak.log");
    }

    private synchronized Process current() {
        if (process == null) {
            throw new IllegalStateException("Keycloak was stopped while starting");
        }
        return process;
    }

    /** Sums utime, stime, cutime and cstime (fields 14-17 of /proc/PID/stat) over a process tree. */
    private static Duration cpuOfTree(ProcessHandle root) {
        long ticks = Stream.concat(Stream.of(root), root.descendants()).mapToLong(KeycloakProcess::cpuTicks).sum();
        return Duration.ofMillis(ticks * 1000 / CLOCK_TICKS_PER_S);
    }

    private static long cpuTicks(ProcessHandle handle) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(handle.pid()), "stat"));
            // The command name (field 2) may hold spaces; the fields after it are space-separated.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12])
                    + Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Keycloak", e);
        }
    }
}
