package io.kelvin.core.site.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    private static final Pattern DATA_FILE = Pattern.compile("file:\\s*\"?\\.\\./data/([^\"\\s,}]+)");

    /**
     * Copies site-configs into {@code target} so a test can break one file without touching the real ones, and the
     * data files the site files name as feeds ({@code file: ../data/...}) into the data folder beside it.
     */
    static Path copyTo(Path target) {
        Path source = root();
        copyTree(source, target);
        try (Stream<Path> sites = Files.list(source.resolve("sites"))) {
            for (Path site : sites.toList()) {
                Matcher m = DATA_FILE.matcher(Files.readString(site));
                while (m.find()) {
                    Path from = source.resolveSibling("data").resolve(m.group(1));
                    Path to = target.resolveSibling("data").resolve(m.group(1));
                    if (Files.isRegularFile(from) && !Files.exists(to)) {
                        Files.createDirectories(to.getParent());
                        Files.copy(from, to);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
