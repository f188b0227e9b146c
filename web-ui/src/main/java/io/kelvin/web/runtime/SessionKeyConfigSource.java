package io.kelvin.web.runtime;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies the key that encrypts the dashboard's session cookie ({@code quarkus.http.auth.session.encryption-key}):
 * 32 random bytes generated once into {@code DATA_DIR/keys/session.key} (owner read/write only), so
 * sessions survive a restart and no key is ever committed. Only when the data dir exists (the launcher
 * makes it): otherwise Quarkus uses a key of its own for that run. An explicit setting wins (low ordinal).
 */
public class SessionKeyConfigSource implements ConfigSourceFactory {

    static final String KEY_PROPERTY = "quarkus.http.auth.session.encryption-key";
    private static final int ORDINAL = 50;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue setting = context.getValue("kelvin.data-dir");
        String dir = setting == null || setting.getValue() == null ? "var" : setting.getValue();
        Path dataDir = Path.of(dir).toAbsolutePath().normalize();
        if (!Files.isDirectory(dataDir)) {
            // The build reads config too, and must not leave a key in the source tree; without a data dir
            // (a build, or a test whose data dir comes later) Quarkus makes a key for this run only.
            return List.of();
        }
        Path file = dataDir.resolve("keys").resolve("session.key");
        return List.of(new PropertiesConfigSource(Map.of(KEY_PROPERTY, readOrCreate(file)), "kelvin-session-key",
                ORDINAL));
    }

    private static String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).trim();
            }
            Files.createDirectories(file.getParent());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String encoded = Base64.getEncoder().encodeToString(key);
            Path tmp = file.resolveSibling("session.key.tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp);
            if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(tmp, encoded, StandardCharsets.US_ASCII);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return encoded;
        } catch (IOException e) {
            throw new UncheckedIOException("session key " + file + ": " + e.getMessage(), e);
        }
    }
}
