package io.kelvin.greenpower.feed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;

/** Reads a feed file each time it is fetched, so an edited or replaced file is picked up at the next refresh. */
public final class FileFetcher implements FeedFetcher {

    private final Path file;

    public FileFetcher(Path file) {
        this.file = file;
    }

    @Override
    public byte[] fetch(Instant now) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new FeedUnavailableException(file + ": file not found");
        } catch (IOException e) {
            throw new FeedUnavailableException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }
}
