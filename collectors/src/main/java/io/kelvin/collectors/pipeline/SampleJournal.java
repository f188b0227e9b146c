package io.kelvin.collectors.pipeline;

import io.kelvin.core.telemetry.Sample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only, on-disk {@link Spill}: batches the store could not take, in segment files
 * {@code journal-<16-digit sequence>.kjl} under one directory (record layout in
 * {@link JournalCodec}). Segments roll at {@code segmentBytes}; a segment is deleted once every
 * record in it has been replayed, so an empty journal leaves an empty directory.
 *
 * <p><b>Durability.</b> Every {@link #append} writes the whole record and then calls
 * {@code fsync} ({@code FileChannel.force(false)}) before it returns; a new segment's directory
 * entry is synced too. So a batch the journal accepted survives a crash or power loss.
 *
 * <p><b>Recovery.</b> {@link #open} reads every segment and checks each record's length and
 * CRC-32C. At the first record that is cut short or fails its checksum (a crash mid-write) the
 * segment is truncated there: the good records before it are kept for replay, the rest of that
 * segment is discarded and counted in {@link #discardedBytes()}. Records already replayed before a
 * crash are replayed again after it; stores take that as an overwrite. Batches appended by this
 * run are also kept in memory (up to {@link #CACHE_SAMPLES}), so replaying them costs no read and
 * decode; the disk copy is what survives a crash. Used by one thread.
 */
final class SampleJournal implements Spill {

    static final long DEFAULT_SEGMENT_BYTES = 64L << 20;
    private static final Logger LOG = LoggerFactory.getLogger(SampleJournal.class);
    private static final Pattern SEGMENT = Pattern.compile("journal-(\\d{16})\\.kjl");

    /** One record; {@code cached} holds the batch appended by this run while the cache has room, else null. */
    private record Entry(long segment, long offset, int length, int samples, List<Sample> cached) {
    }

    /** Batches appended by this run stay in memory up to this many samples, so replay need not read them back. */
    static final long CACHE_SAMPLES = 250_000;

    private final Path dir;
    private final long segmentBytes;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private long nextSegment;
    private long samples;
    private long cachedSamples;
    private long discardedBytes;
    private long unreadableRecords;
    private FileChannel tail;
    private long tailSegment = -1;
    private long tailSize;
    private FileChannel reader;
    private long readerSegment = -1;
    private List<Sample> headBatch;

    private SampleJournal(Path dir, long segmentBytes) {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
    }

    /** Opens the journal in {@code dir} (created if missing), recovering what a previous run left. */
    static SampleJournal open(Path dir, long segmentBytes) {
        SampleJournal journal = new SampleJournal(dir, segmentBytes);
        try {
            Files.createDirectories(dir);
            for (long segment : journal.existingSegments()) {
                journal.recover(segment);
                journal.nextSegment = segment + 1;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the sample journal in " + dir, e);
        }
        if (!journal.isEmpty()) {
            LOG.info("sample journal {} holds {} samples in {} batches to replay", dir, journal.samples,
                    journal.entries.size());
        }
        return journal;
    }

    @Override
    public boolean append(List<Sample> batch) {
        ByteBuffer record = JournalCodec.encode(batch);
        int length = record.remaining();
        try {
            if (tail == null || (tailSize + length > segmentBytes && tailSize > JournalCodec.FILE_HEADER_BYTES)) {
                roll();
            }
            long offset = tailSize;
            try {
                while (record.hasRemaining()) {
                    tail.write(record, offset + record.position());
                }
                tail.force(false);
            } catch (IOException e) {
                tail.truncate(offset);
                throw e;
            }
            tailSize = offset + length;
            boolean cache = cachedSamples + batch.size() <= CACHE_SAMPLES;
            cachedSamples += cache ? batch.size() : 0;
            entries.addLast(new Entry(tailSegment, offset, length, batch.size(), cache ? List.copyOf(batch) : null));
            samples += batch.size();
            return true;
        } catch (IOException e) {
            LOG.error("cannot append {} samples to the journal in {}: {}", batch.size(), dir, e.toString());
            return false;
        }
    }

    @Override
    public List<Sample> head() {
        if (headBatch == null) {
            Entry head = entries.getFirst();
            headBatch = head.cached() != null ? head.cached() : read(head);
        }
        return headBatch;
    }

    @Override
    public void removeHead() {
        Entry done = entries.removeFirst();
        samples -= done.samples();
        cachedSamples -= done.cached() != null ? done.samples() : 0;
        headBatch = null;
        Entry next = entries.peekFirst();
        if (next == null || next.segment() != done.segment()) {
            deleteSegment(done.segment());
        }
    }

    @Override
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public long samples() {
        return samples;
    }

    @Override
    public boolean durable() {
        return true;
    }

    /** Bytes of torn or corrupt records cut off at open. */
    long discardedBytes() {
        return discardedBytes;
    }

    /** Records whose checksum failed when read back for replay (disk corruption after the write). */
    long unreadableRecords() {
        return unreadableRecords;
    }

    @Override
    public void close() {
        closeQuietly(reader);
        closeQuietly(tail);
        reader = null;
        tail = null;
    }

    private long[] existingSegments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> SEGMENT.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches)
                    .mapToLong(m -> Long.parseLong(m.group(1)))
                    .sorted().toArray();
        }
    }

    private void recover(long segment) throws IOException {
        Path file = segmentFile(segment);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            ByteBuffer header = ByteBuffer.allocate(JournalCodec.FILE_HEADER_BYTES);
            channel.read(header, 0);
            header.flip();
            if (header.remaining() < JournalCodec.FILE_HEADER_BYTES || !hasMagic(header)) {
                LOG.warn("journal segment {} has no valid header; discarding its {} bytes", file, size);
                discardedBytes += size;
                channel.close();
                Files.delete(file);
                return;
            }
            int before = entries.size();
            long offset = JournalCodec.FILE_HEADER_BYTES;
            while (offset < size) {
                int recordLength = validRecordLength(channel, segment, offset, size);
                if (recordLength < 0) {
                    LOG.warn("journal segment {}: torn or corrupt record at byte {}; keeping the {} good records "
                            + "before it, discarding {} bytes", file, offset, entries.size(), size - offset);
                    discardedBytes += size - offset;
                    channel.truncate(offset);
                    channel.force(true);
                    break;
                }
                offset += recordLength;
            }
            if (entries.size() == before) {
                channel.close();
                Files.delete(file);
            }
        }
    }

    /** The record's total length when it is whole and its checksum matches, else -1. Adds it to the entries. */
    private int validRecordLength(FileChannel channel, long segment, long offset, long size) throws IOException {
        if (size - offset < JournalCodec.RECORD_HEADER_BYTES) {
            return -1;
        }
        ByteBuffer header = ByteBuffer.allocate(JournalCodec.RECORD_HEADER_BYTES);
        channel.read(header, offset);
        int payloadLength = header.getInt(0);
        if (payloadLength < 4 || payloadLength > JournalCodec.MAX_PAYLOAD
                || size - offset - JournalCodec.RECORD_HEADER_BYTES < payloadLength) {
            return -1;
        }
        byte[] payload = readFully(channel, offset + JournalCodec.RECORD_HEADER_BYTES, payloadLength);
        if (JournalCodec.crc(payload, 0, payloadLength) != header.getInt(4)) {
            return -1;
        }
        int count = ByteBuffer.wrap(payload).getInt(0);
        int length = JournalCodec.RECORD_HEADER_BYTES + payloadLength;
        entries.addLast(new Entry(segment, offset, length, count, null));
        samples += count;
        return length;
    }

    private List<Sample> read(Entry entry) {
        try {
            if (reader == null || readerSegment != entry.segment()) {
                closeQuietly(reader);
                reader = FileChannel.open(segmentFile(entry.segment()), StandardOpenOption.READ);
                readerSegment = entry.segment();
            }
            int payloadLength = entry.length() - JournalCodec.RECORD_HEADER_BYTES;
            ByteBuffer header = ByteBuffer.allocate(JournalCodec.RECORD_HEADER_BYTES);
            reader.read(header, entry.offset());
            byte[] payload = readFully(reader, entry.offset() + JournalCodec.RECORD_HEADER_BYTES, payloadLength);
            if (JournalCodec.crc(payload, 0, payloadLength) != header.getInt(4)) {
                throw new IOException("checksum mismatch");
            }
            return JournalCodec.decode(payload);
        } catch (IOException e) {
            unreadableRecords++;
            LOG.error("journal record of {} samples in segment {} at byte {} is unreadable and skipped: {}",
                    entry.samples(), entry.segment(), entry.offset(), e.toString());
            return List.of();
        }
    }

    private void roll() throws IOException {
        closeQuietly(tail);
        long segment = nextSegment++;
        FileChannel channel = FileChannel.open(segmentFile(segment), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        channel.write(JournalCodec.fileHeader(), 0);
        channel.force(true);
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        }
        tail = channel;
        tailSegment = segment;
        tailSize = JournalCodec.FILE_HEADER_BYTES;
    }

    private void deleteSegment(long segment) {
        if (segment == readerSegment) {
            closeQuietly(reader);
            reader = null;
            readerSegment = -1;
        }
        if (segment == tailSegment) {
            if (!entries.isEmpty()) {
                return;
            }
            closeQuietly(tail);
            tail = null;
            tailSegment = -1;
        }
        try {
            Files.deleteIfExists(segmentFile(segment));
        } catch (IOException e) {
            LOG.warn("cannot delete replayed journal segment {}: {}", segmentFile(segment), e.toString());
        }
    }

    private Path segmentFile(long segment) {
        return dir.resolve(String.format("journal-%016d.kjl", segment));
    }

    private static boolean hasMagic(ByteBuffer header) {
        byte[] magic = new byte[4];
        header.get(magic);
        return Arrays.equals(magic, JournalCodec.MAGIC) && header.getInt() == JournalCodec.VERSION;
    }

    private static byte[] readFully(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("end of file inside a record");
            }
        }
        return buffer.array();
    }

    private static void closeQuietly(FileChannel channel) {
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
