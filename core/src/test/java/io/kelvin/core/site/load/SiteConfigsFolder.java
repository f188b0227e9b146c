package io.kelvin.core.site.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The repository's site-configs folder, found from the module's working directory, and copies of it. */
final class SiteConfigsFolder {

    private SiteConfigsFolder() {
    }

    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("site-configs/profiles"))) {
                return dir.resolve("site-configs");
            }
        }
        throw new IllegalStateException("site-configs folder not found above " + Path.of("").toAbsolutePath());
    }

    /**
     * Copies site-configs into {@code target} so a test can break one file without touching the real ones, and the
     * repository's data folder beside it, since feed files are named {@code ../data/...} from site-configs.
     */
    static Path copyTo(Path target) {
        Path source = root();
        copyTree(source, target);
        Path data = source.resolveSibling("data");
        if (Files.isDirectory(data) && !Files.exists(target.resolveSibling("data"))) {
            copyTree(data, target.resolveSibling("data"));
        }
        return target;
    }

    private static void copyTree(Path source, Path target) {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
