package io.kelvin.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/**
 * The Keycloak server distribution ({@code org.keycloak:keycloak-quarkus-dist}, a zip from Maven
 * Central) that testkit's build unpacks into {@code testkit/target/keycloak/keycloak-<version>}, and
 * the per-server homes made from it.
 *
 * <p>A server home holds its own {@code bin/kc.sh} (a copy: the script takes its home from its own
 * location), its own {@code data/} (dev-file H2 database, realm import, transaction logs) and links
 * to the distribution's {@code lib}, {@code providers}, {@code themes} and {@code conf}. Keycloak
 * writes its augmented build ("Updating the configuration ...", the first start-dev) into
 * {@code lib/quarkus}, so through the link every later server of the same build reuses it.
 *
 * <p>A seed is the H2 database of a server that has just imported the realm and done nothing else,
 * kept beside the distribution and keyed by the realm file's hash: a server started on a copy of it
 * skips creating the schema, the master realm and the test realm.
 */
final class KeycloakDistribution {

    /** System property naming an unpacked distribution to use instead of testkit's build output. */
    static final String HOME_PROPERTY = "kelvin.keycloak.home";
    private static final String VERSION_RESOURCE = "/io/kelvin/testkit/keycloak.properties";
    private static final List<String> SHARED_DIRS = List.of("lib", "providers", "themes", "conf");
    private static final String DATABASE_FILE = "keycloakdb.mv.db";

    private final Path root;
    private final String version;

    private KeycloakDistribution(Path root, String version) {
        this.root = root;
        this.version = version;
    }

    /**
     * The distribution named by {@value #HOME_PROPERTY}, else {@code testkit/target/keycloak/keycloak-<version>}
     * found by walking up from the working directory (every module's tests run one level below the
     * repository root).
     */
    static KeycloakDistribution locate() {
        String version = bundledVersion();
        String configured = System.getProperty(HOME_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return checked(Path.of(configured).toAbsolutePath(), version);
        }
        Path relative = Path.of("testkit", "target", "keycloak", "keycloak-" + version);
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(relative).resolve("bin/kc.sh"))) {
                return new KeycloakDistribution(dir.resolve(relative), version);
            }
        }
        throw new IllegalStateException("Keycloak " + version + " distribution not found as " + relative
                + " above " + Path.of("").toAbsolutePath() + ": build testkit with its tests"
                + " (./mvnw -pl testkit generate-test-resources unpacks it) or set -D" + HOME_PROPERTY);
    }

    /** A distribution unpacked elsewhere (e.g. the benchmark's fresh copy). */
    static KeycloakDistribution at(Path root) {
        return checked(root.toAbsolutePath(), bundledVersion());
    }

    private static KeycloakDistribution checked(Path root, String version) {
        if (!Files.isRegularFile(root.resolve("bin/kc.sh"))) {
            throw new IllegalStateException(HOME_PROPERTY + "=" + root + ": no bin/kc.sh there");
        }
        return new KeycloakDistribution(root, version);
    }

    /** The version testkit was built against (from the filtered {@code keycloak.properties}). */
    static String bundledVersion() {
        try (InputStream in = KeycloakDistribution.class.getResourceAsStream(VERSION_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(VERSION_RESOURCE + " missing from testkit's classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + VERSION_RESOURCE, e);
        }
    }

    Path root() {
        return root;
    }

    String version() {
        return version;
    }

    /**
     * Holds an exclusive lock on the distribution until closed, so that two test JVMs never let
     * Keycloak augment {@code lib/quarkus} or write a seed at the same time.
     */
    Lock lock() {
        Path file = root.resolveSibling(root.getFileName() + ".lock");
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                channel.lock();
                return new Lock(channel);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + file, e);
        }
    }

    /** The distribution's lock; closing it releases the lock. */
    record Lock(FileChannel channel) implements AutoCloseable {
        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot release the Keycloak distribution lock", e);
            }
        }
    }

    /** Makes a new server home in a fresh directory under {@code parent}, with the realm file to import. */
    Path newHome(Path parent, byte[] realmJson, String realmName) {
        try {
            Files.createDirectories(parent);
            Path home = Files.createTempDirectory(parent.toAbsolutePath(), "keycloak-");
            Files.createDirectories(home.resolve("bin"));
            Files.copy(root.resolve("bin/kc.sh"), home.resolve("bin/kc.sh"), StandardCopyOption.COPY_ATTRIBUTES);
            for (String dir : SHARED_DIRS) {
                Files.createSymbolicLink(home.resolve(dir), root.resolve(dir));
            }
            Path imports = Files.createDirectories(home.resolve("data/import"));
            // Keycloak's directory import wants <realm>-realm.json.
            Files.write(imports.resolve(realmName + "-realm.json"), realmJson);
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a Keycloak home under " + parent, e);
        }
    }

    /** Where the seed database for this realm file lives (it may not exist yet). */
    Path seedDir(byte[] realmJson) {
        return root.resolveSibling("seed-" + version + "-" + sha256(realmJson).substring(0, 16));
    }

    /** Copies the seed database into the home's {@code data/h2}; false when there is no seed yet. */
    boolean copySeedInto(Path home, byte[] realmJson) {
        Path seed = seedDir(realmJson).resolve(DATABASE_FILE);
        if (!Files.isRegularFile(seed)) {
            return false;
        }
        try {
            Path h2 = Files.createDirectories(home.resolve("data/h2"));
            Files.copy(seed, h2.resolve(DATABASE_FILE), StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the Keycloak seed database into " + home, e);
        }
    }

    /** Keeps the (stopped) home's database as the seed; written to a temp file, then moved in place. */
    void saveSeedFrom(Path home, byte[] realmJson) {
        Path database = home.resolve("data/h2").resolve(DATABASE_FILE);
        Path seedDir = seedDir(realmJson);
        try {
            Files.createDirectories(seedDir);
            Path partial = seedDir.resolve(DATABASE_FILE + ".partial");
            Files.copy(database, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, seedDir.resolve(DATABASE_FILE), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the Keycloak seed database from " + home, e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
