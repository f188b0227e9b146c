package io.kelvin.web.runtime;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Which site a data dir belongs to: the app records the site's id and file in
 * {@code DATA_DIR/site.properties} when it starts, so that tools reading the data later (reports
 * over a stopped site) take the right site file and refuse a wrong one.
 */
public record DataDirSite(String siteId, Path siteFile) {

    public static final String FILE = "site.properties";

    /** Records {@code siteId} and {@code siteFile} (absolute) in {@code dataDir}. */
    public static void record(Path dataDir, String siteId, Path siteFile) {
        Properties properties = new Properties();
        properties.setProperty("site.id", siteId);
        properties.setProperty("site.file", siteFile.toAbsolutePath().normalize().toString());
        try {
            Files.createDirectories(dataDir);
            try (Writer writer = Files.newBufferedWriter(dataDir.resolve(FILE), StandardCharsets.UTF_8)) {
                properties.store(writer, "the site this data dir belongs to (written by Kelvin at start)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the site in " + dataDir.resolve(FILE), e);
        }
    }

    /** What {@code dataDir} records, if it records anything. */
    public static Optional<DataDirSite> read(Path dataDir) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(dataDir.resolve(FILE), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dataDir.resolve(FILE), e);
        }
        String id = properties.getProperty("site.id");
        String file = properties.getProperty("site.file");
        return id == null || file == null ? Optional.empty() : Optional.of(new DataDirSite(id, Path.of(file)));
    }
}
