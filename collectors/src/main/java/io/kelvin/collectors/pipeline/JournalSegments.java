package io.kelvin.collectors.pipeline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The segment files of one journal directory, {@code journal-<16-digit sequence>.kjl}: listing,
 * creating (header written and synced, directory entry synced), reading records back and deleting.
 * Files are opened through a {@link Disk}, so tests can make the disk fail. Used by one thread.
 */
final class JournalSegments {

    /** Opens files; {@code FileChannel::open} outside tests. */
    @FunctionalInterface
    interface Disk {
        FileChannel open(Path file, OpenOption... options) throws IOException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(JournalSegments.class);
    private static final Pattern SEGMENT = Pattern.compile("journal-(\\d{16})\\.kjl");

    private final Path dir;
    private final Disk disk;
    private FileChannel reader;
    private long readerSegment = -1;

    JournalSegments(Path dir, Disk disk) {
        this.dir = dir;
        this.disk = disk;
    }

    Path dir() {
        return dir;
    }

    /** The sequence numbers of the segments in the directory, oldest first. */
    long[] existing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> SEGMENT.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches)
                    .mapToLong(m -> Long.parseLong(m.group(1)))
                    .sorted().toArray();
        }
    }

    Path file(long segment) {
        return dir.resolve(String.format("journal-%016d.kjl", segment));
    }

    FileChannel openForRecovery(long segment) throws IOException {
        return disk.open(file(segment), StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /** A new segment with its header, durable (file and directory entry synced); removed again if that fails. */
    FileChannel create(long segment) throws IOException {
        Path file = file(segment);
        FileChannel channel = disk.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            channel.write(JournalCodec.fileHeader(), 0);
            channel.force(true);
            try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
                directory.force(true);
            }
            return channel;
        } catch (IOException e) {
            closeQuietly(channel);
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** The payload of a record, its checksum verified. */
    byte[] readPayload(JournalEntry entry) throws IOException {
        if (reader == null || readerSegment != entry.segment()) {
            closeReader();
            reader = disk.open(file(entry.segment()), StandardOpenOption.READ);
            readerSegment = entry.segment();
        }
        int payloadLength = entry.length() - JournalCodec.RECORD_HEADER_BYTES;
        ByteBuffer header = ByteBuffer.allocate(JournalCodec.RECORD_HEADER_BYTES);
        reader.read(header, entry.offset());
        byte[] payload = readFully(reader, entry.offset() + JournalCodec.RECORD_HEADER_BYTES, payloadLength);
        if (JournalCodec.crc(payload, 0, payloadLength) != header.getInt(4)) {
            throw new IOException("checksum mismatch");
        }
        return payload;
    }

    /** Deletes the segment's file; a failure is logged, the file is then retried at the next open. */
    void delete(long segment) {
        if (segment == readerSegment) {
            closeReader();
        }
        try {
            Files.deleteIfExists(file(segment));
        } catch (IOException e) {
            LOG.warn("cannot delete journal segment {}: {}", file(segment), e.toString());
        }
    }

    void closeReader() {
        closeQuietly(reader);
        reader = null;
        readerSegment = -1;
    }

    static byte[] readFully(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("end of file inside a record");
            }
        }
        return buffer.array();
    }

    static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing a journal file failed: {}", e.toString());
        }
    }
}
