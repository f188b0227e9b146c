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
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Debian {@code influxd} (InfluxDB 1.6) on loopback, for integration tests. It runs with its
 * own config in a temp dir (meta, data and WAL dirs inside it), HTTP on a free 127.0.0.1 port, the
 * RPC port moved off :8088, phone-home and most logging off. {@link #stop()} and {@link #start()}
 * keep the data dir and the HTTP port, so a test can take the store away and bring it back;
 * {@link #close()} kills the process and deletes the dir. A JVM shutdown hook kills any influxd a
 * test forgot, so none outlives the test JVM.
 */
public final class InfluxdServer implements AutoCloseable {

    public static final Path INFLUXD = Path.of("/usr/bin/influxd");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> RUNNING.forEach(Process::destroyForcibly), "influxd-reaper"));
    }

    private final Path dir;
    private final int httpPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private Process process;

    private InfluxdServer(Path dir, int httpPort) {
        this.dir = dir;
        this.httpPort = httpPort;
    }

    /** Writes a fresh config in a new temp dir, starts influxd and waits until it answers /ping. */
    public static InfluxdServer startNew() {
        if (!Files.isExecutable(INFLUXD)) {
            throw new IllegalStateException("influxd not found: run ./kelvin test, or apt-get install influxdb");
        }
        try {
            Path dir = Files.createTempDirectory("kelvin-influxd-");
            InfluxdServer server = new InfluxdServer(dir, FreePorts.loopback());
            Files.writeString(server.configFile(), server.config(FreePorts.loopback()));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare influxd", e);
        }
    }

    /** The HTTP base URL, e.g. {@code http://127.0.0.1:41234}; the same across stop/start. */
    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    public int httpPort() {
        return httpPort;
    }

    public Path dataDir() {
        return dir;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts influxd on the existing data dir (no-op when running) and waits for /ping. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        try {
            process = new ProcessBuilder(INFLUXD.toString(), "-config", configFile().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + INFLUXD, e);
        }
        RUNNING.add(process);
        awaitPing();
    }

    /** Stops influxd (SIGTERM, then SIGKILL after 10 s) and keeps its data for a later start. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            RUNNING.remove(process);
            process = null;
        }
    }

    /** Kills influxd and deletes its dir. */
    @Override
    public synchronized void close() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            RUNNING.remove(process);
            process = null;
        }
        deleteRecursively(dir);
    }

    /** The process output so far (both runs after a restart), for failure messages. */
    public String log() {
        try {
            return Files.exists(logFile()) ? Files.readString(logFile(), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + logFile() + ": " + e.getMessage() + ")";
        }
    }

    private void awaitPing() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        HttpRequest ping = HttpRequest.newBuilder(URI.create(url() + "/ping"))
                .timeout(Duration.ofSeconds(1)).GET().build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("influxd exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                if (http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 204) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for influxd", e);
            }
            sleepQuietly(Duration.ofMillis(100));
        }
        throw new IllegalStateException("influxd did not answer " + url() + "/ping within "
                + START_TIMEOUT.toSeconds() + " s:\n" + log());
    }

    private String config(int rpcPort) {
        String root = dir.toAbsolutePath().toString();
        return String.join("\n", List.of(
                "reporting-enabled = false",
                "bind-address = \"127.0.0.1:" + rpcPort + "\"",
                "[meta]",
                "  dir = \"" + root + "/meta\"",
                "  logging-enabled = false",
                "[data]",
                "  dir = \"" + root + "/data\"",
                "  wal-dir = \"" + root + "/wal\"",
                "  query-log-enabled = false",
                "[monitor]",
                "  store-enabled = false",
                "[http]",
                "  bind-address = \"127.0.0.1:" + httpPort + "\"",
                "  log-enabled = false",
                "  pprof-enabled = false",
                "[continuous_queries]",
                "  log-enabled = false",
                "[logging]",
                "  level = \"warn\"",
                "  suppress-logo = true",
                ""));
    }

    private Path configFile() {
        return dir.resolve("influxdb.conf");
    }

    private Path logFile() {
        return dir.resolve("influxd.log");
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for influxd", e);
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
