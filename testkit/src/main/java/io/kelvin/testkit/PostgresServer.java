package io.kelvin.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server (Debian's {@code postgresql} package, {@code /usr/lib/postgresql/<n>/bin}) on
 * loopback for integration tests: its own data directory in a temp folder, {@code listen_addresses}
 * 127.0.0.1 on a free port, the unix socket inside the temp folder, trust authentication for the
 * superuser {@link #USER}. {@code initdb} refuses to run as root, so as root every command runs as
 * the {@code postgres} OS user through {@code runuser}. Start one per test class (or JVM) and make a
 * database per test class with {@link #createDatabase}; {@link #close()} stops it and deletes the folder,
 * and a JVM shutdown hook stops any server a test forgot.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "kelvin";
    private static final Path INSTALL = Path.of("/usr/lib/postgresql");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroy), "postgres-reaper"));
    }

    private final Path bin;
    private final Path dir;
    private final int port;
    private final Process process;

    private PostgresServer(Path bin, Path dir, int port, Process process) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** True when Debian's PostgreSQL server binaries are installed (./kelvin test installs them). */
    public static boolean available() {
        return binDir() != null;
    }

    /** Runs initdb in a new temp folder, starts postgres and waits until it accepts connections. */
    public static PostgresServer startNew() {
        Path bin = binDir();
        if (bin == null) {
            throw new IllegalStateException("PostgreSQL server binaries not found under " + INSTALL
                    + ": run ./kelvin test, or apt-get install postgresql");
        }
        try {
            Path dir = Files.createTempDirectory("kelvin-postgres-");
            if (asRoot()) {
                run(List.of("chown", "-R", "postgres:postgres", dir.toString()), dir);
            }
            Path data = dir.resolve("data");
            run(command(bin.resolve("initdb"), "-D", data.toString(), "-U", USER, "-A", "trust", "-E", "UTF8",
                    "--no-sync", "--locale=C"), dir);
            int port = FreePorts.loopback();
            ProcessBuilder builder = new ProcessBuilder(command(bin.resolve("postgres"), "-D", data.toString(),
                    "-p", Integer.toString(port), "-k", dir.toString(), "-c", "listen_addresses=127.0.0.1",
                    "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                    "-c", "max_connections=50", "-c", "shared_buffers=16MB"))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("postgres.log").toFile()));
            Process process = builder.start();
            RUNNING.add(process);
            PostgresServer server = new PostgresServer(bin, dir, port, process);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL", e);
        }
    }

    /** Creates an empty database owned by {@link #USER} and returns its JDBC URL. */
    public String createDatabase(String name) {
        run(command(bin.resolve("createdb"), "-h", dir.toString(), "-p", Integer.toString(port), "-U", USER, name), dir);
        return jdbcUrl(name);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    /** The server's output so far, for failure messages. */
    public String log() {
        try {
            return Files.readString(dir.resolve("postgres.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy(); // SIGTERM: PostgreSQL's "smart" shutdown
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            RUNNING.remove(process);
        }
        deleteRecursively(dir);
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        List<String> ready = command(bin.resolve("pg_isready"), "-h", dir.toString(), "-p", Integer.toString(port),
                "-U", USER, "-q");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("postgres exited with " + process.exitValue() + ":\n" + log());
            }
            if (exitCode(ready, dir) == 0) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for postgres", e);
            }
        }
        throw new IllegalStateException("postgres did not get ready within " + START_TIMEOUT.toSeconds() + " s:\n" + log());
    }

    private static Path binDir() {
        if (!Files.isDirectory(INSTALL)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(INSTALL)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> versionOf(b.getParent()))).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static int versionOf(Path dir) {
        try {
            return Integer.parseInt(dir.getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** As root, the command runs as the postgres OS user (initdb and postgres refuse root). */
    private static List<String> command(Path program, String... args) {
        List<String> out = new ArrayList<>();
        if (asRoot()) {
            out.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        out.add(program.toString());
        out.addAll(List.of(args));
        return out;
    }

    private static void run(List<String> command, Path dir) {
        if (exitCode(command, dir) != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", command) + "\n" + readQuietly(dir.resolve("cmd.log")));
        }
    }

    private static int exitCode(List<String> command, Path dir) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("cmd.log").toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command.get(0), e);
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
