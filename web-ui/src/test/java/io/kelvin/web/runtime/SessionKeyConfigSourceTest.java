package io.kelvin.web.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Iterator;
import java.util.List;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionKeyConfigSourceTest {

    @Test
    void keyIsMadeOnceInsideAnExistingDataDirOwnerOnly(@TempDir Path dataDir) throws Exception {
        String first = key(dataDir);
        String again = key(dataDir);

        // 32 random bytes, base64: 44 characters.
        assertThat(first).hasSize(44).isEqualTo(again);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("keys/session.key"))))
                .isEqualTo("rw-------");
    }

    @Test
    void noDataDirMeansNoKeyAndNothingWritten(@TempDir Path parent) {
        Path missing = parent.resolve("not-yet");
        assertThat(new SessionKeyConfigSource().getConfigSources(context(missing))).isEmpty();
        assertThat(missing).doesNotExist();
    }

    private static String key(Path dataDir) {
        Iterator<ConfigSource> sources = new SessionKeyConfigSource().getConfigSources(context(dataDir)).iterator();
        return sources.next().getValue(SessionKeyConfigSource.KEY_PROPERTY);
    }

    private static ConfigSourceContext context(Path dataDir) {
        return new ConfigSourceContext() {
            @Override
            public ConfigValue getValue(String name) {
                return name.equals("kelvin.data-dir")
                        ? ConfigValue.builder().withName(name).withValue(dataDir.toString()).build() : null;
            }

            @Override
            public List<String> getProfiles() {
                return List.of();
            }

            @Override
            public Iterator<String> iterateNames() {
                return List.of("kelvin.data-dir").iterator();
            }
        };
    }
}
