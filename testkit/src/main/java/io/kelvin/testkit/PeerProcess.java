package io.kelvin.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A peer we did not write (pymodbus, node-opcua, ...) run as a child process for an
 * interoperability test. {@link #start} waits until the peer prints a line matching its ready
 * pattern; its merged stdout and stderr are kept for failure messages. {@link #close()} ends it
 * (SIGTERM, then SIGKILL after 5 s), and a JVM shutdown hook kills any peer a test forgot.
 */
public final class PeerProcess implements AutoCloseable {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> RUNNING.forEach(Process::destroyForcibly), "peer-reaper"));
    }

    private final String name;
    private final Process process;
    private final StringBuffer log = new StringBuffer();
    private final CountDownLatch ready = new CountDownLatch(1);

    private PeerProcess(String name, Process process) {
        this.name = name;
        this.process = process;
    }

    /**
     * Starts {@code command} in {@code workDir} with extra environment variables and waits up to
     * {@code timeout} for an output line matching {@code readyLine}.
     */
    public static PeerProcess start(String name, List<String> command, Path workDir, Map<String, String> env,
            Pattern readyLine, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + String.join(" ", command), e);
        }
        RUNNING.add(process);
        PeerProcess peer = new PeerProcess(name, process);
        Thread.ofPlatform().daemon().name(name + "-output").start(() -> peer.pump(readyLine));
        peer.awaitReady(timeout);
        return peer;
    }

    /** Fails with {@code howToInstall} when {@code file} is not there: peers are never skipped. */
    public static Path require(Path file, String howToInstall) {
        if (!Files.exists(file)) {
            throw new IllegalStateException(file + " is missing: " + howToInstall);
        }
        return file;
    }

    /**
     * The repo's {@code interop} folder (peer scripts): the first directory, walking up from the
     * working directory, that holds one.
     */
    public static Path interopDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("interop"))) {
                return dir.resolve("interop");
            }
        }
        throw new IllegalStateException("no interop folder above " + Path.of("").toAbsolutePath());
    }

    /** Kelvin's cache dir for downloaded tools: {@code $KELVIN_CACHE}, else {@code ~/.cache/kelvin}. */
    public static Path cacheDir() {
        String configured = System.getenv("KELVIN_CACHE");
        return configured != null && !configured.isBlank()
                ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".cache", "kelvin");
    }

    /** What the peer printed so far. */
    public String log() {
        return log.toString();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
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
        }
    }

    private void pump(Pattern readyLine) {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                log.append(line).append('\n');
                if (readyLine.matcher(line).find()) {
                    ready.countDown();
                }
            }
        } catch (IOException e) {
            log.append("(output closed: ").append(e.getMessage()).append(")\n");
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!ready.await(100, TimeUnit.MILLISECONDS)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    String why = process.isAlive() ? "was not ready within " + timeout.toSeconds() + " s"
                            : "exited with " + process.exitValue();
                    close();
                    throw new IllegalStateException(name + " " + why + ":\n" + log);
                }
            }
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting " + name, e);
        }
    }
}
