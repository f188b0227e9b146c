package io.kelvin.collectors.pipeline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what a previous run left in a journal segment: checks the header and every record's length
 * and CRC-32C, and at the first record that is cut short or fails its checksum (a crash mid-append)
 * truncates the segment there. A segment without a valid header or without a good record is deleted.
 */
final class JournalRecovery {

    /** The good records of one segment, the segment's size after recovery, and the bytes discarded. */
    record Recovered(List<JournalEntry> entries, long size, long discardedBytes) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(JournalRecovery.class);

    private JournalRecovery() {
    }

    static Recovered recover(JournalSegments segments, long segment) throws IOException {
        Path file = segments.file(segment);
        List<JournalEntry> entries = new java.util.ArrayList<>();
        try (FileChannel channel = segments.openForRecovery(segment)) {
            long size = channel.size();
            if (!hasValidHeader(channel)) {
                LOG.warn("journal segment {} has no valid header; discarding its {} bytes", file, size);
                channel.close();
                Files.delete(file);
                return new Recovered(List.of(), 0, size);
            }
            long offset = JournalCodec.FILE_HEADER_BYTES;
            long discarded = 0;
            while (offset < size) {
                JournalEntry entry = validRecord(channel, segment, offset, size);
                if (entry == null) {
                    LOG.warn("journal segment {}: torn or corrupt record at byte {}; keeping the {} good records "
                            + "before it, discarding {} bytes", file, offset, entries.size(), size - offset);
                    discarded = size - offset;
                    channel.truncate(offset);
                    channel.force(true);
                    break;
                }
                entries.add(entry);
                offset += entry.length();
            }
            if (entries.isEmpty()) {
                channel.close();
                Files.delete(file);
                return new Recovered(List.of(), 0, discarded);
            }
            return new Recovered(entries, offset, discarded);
        }
    }

    private static boolean hasValidHeader(FileChannel channel) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(JournalCodec.FILE_HEADER_BYTES);
        channel.read(header, 0);
        header.flip();
        if (header.remaining() < JournalCodec.FILE_HEADER_BYTES) {
            return false;
        }
        byte[] magic = new byte[4];
        header.get(magic);
        return Arrays.equals(magic, JournalCodec.MAGIC) && header.getInt() == JournalCodec.VERSION;
    }

    /** The record at {@code offset} when it is whole and its checksum matches, else null. */
    private static JournalEntry validRecord(FileChannel channel, long segment, long offset, long size)
            throws IOException {
        if (size - offset < JournalCodec.RECORD_HEADER_BYTES) {
            return null;
        }
        ByteBuffer header = ByteBuffer.allocate(JournalCodec.RECORD_HEADER_BYTES);
        channel.read(header, offset);
        int payloadLength = header.getInt(0);
        if (payloadLength < 4 || payloadLength > JournalCodec.MAX_PAYLOAD
                || size - offset - JournalCodec.RECORD_HEADER_BYTES < payloadLength) {
            return null;
        }
        byte[] payload = JournalSegments.readFully(channel, offset + JournalCodec.RECORD_HEADER_BYTES, payloadLength);
        if (JournalCodec.crc(payload, 0, payloadLength) != header.getInt(4)) {
            return null;
        }
        int count = ByteBuffer.wrap(payload).getInt(0);
        return new JournalEntry(segment, offset, JournalCodec.RECORD_HEADER_BYTES + payloadLength, count, null);
    }
}
