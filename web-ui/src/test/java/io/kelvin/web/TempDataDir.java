package io.kelvin.web;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Gives the application under test a fresh data directory under target/, removed afterwards, and
 * a copy of the demo site whose devices listen on free loopback ports, so the tests never clash
 * with a demo running on the same machine.
 */
public class TempDataDir implements QuarkusTestResourceLifecycleManager {

    private Path dir;

    @Override
    public Map<String, String> start() {
        try {
            Path parent = Files.createDirectories(Path.of("target"));
            dir = Files.createTempDirectory(parent, "kelvin-data-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path site = io.kelvin.testkit.SiteFixtures.copyWithFreePorts(dir, io.kelvin.testkit.SiteFixtures.DEMO_SITE);
        return Map.of("kelvin.data-dir", dir.resolve("data").toString(), "kelvin.site", site.toString());
    }

    @Override
    public void stop() {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
