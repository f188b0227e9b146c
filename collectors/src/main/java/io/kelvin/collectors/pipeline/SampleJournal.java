package io.kelvin.collectors.pipeline;

import io.kelvin.core.telemetry.Sample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only, on-disk {@link Spill}: batches the store could not take, in segment files under
 * one directory ({@link JournalSegments}; record layout in {@link JournalCodec}). Segments roll at
 * {@code segmentBytes}; a segment is deleted once every record in it has been replayed, so an empty
 * journal leaves an empty directory.
 *
 * <p><b>Durability.</b> Every {@link #append} writes the whole record and then calls
 * {@code fsync} ({@code FileChannel.force(false)}) before it returns; a new segment's directory
 * entry is synced too. So a batch the journal accepted survives a crash or power loss. An append
 * the disk refuses (full, unwritable) returns false and leaves the journal as it was.
 *
 * <p><b>Size cap.</b> The segment files never take more than {@code maxBytes}: an append that
 * would pass it first deletes the oldest segments (never the one being written) and counts their
 * samples in {@link #evicted()}. The newest samples are kept: after a long outage they are what
 * the operators look at first, and the oldest are the ones any dashboard has long shown as a gap.
 *
 * <p><b>Recovery.</b> {@link #open} checks every record ({@link JournalRecovery}); a torn tail is
 * cut off and counted in {@link #discardedBytes()}. Records already replayed before a crash are
 * replayed again after it; stores take that as an overwrite. Batches appended by this run are also
 * kept in memory (up to {@link #CACHE_SAMPLES}), so replaying them costs no read and decode; the
 * disk copy is what survives a crash. Used by one thread.
 */
final class SampleJournal implements Spill {

    static final long DEFAULT_SEGMENT_BYTES = 64L << 20;
    /** The smallest segment: a segment must hold a file header and a record or more. */
    static final long MIN_SEGMENT_BYTES = 4096;
    /** Batches appended by this run stay in memory up to this many samples, so replay need not read them back. */
    static final long CACHE_SAMPLES = 250_000;
    private static final Logger LOG = LoggerFactory.getLogger(SampleJournal.class);

    private final JournalSegments segments;
    private final long segmentBytes;
    private final long maxBytes;
    private final Deque<JournalEntry> entries = new ArrayDeque<>();
    /** Size in bytes of every segment file, by sequence number. */
    private final NavigableMap<Long, Long> sizes = new TreeMap<>();
    private long bytes;
    private long nextSegment;
    private long samples;
    private long cachedSamples;
    private long discardedBytes;
    private long unreadableRecords;
    private long evicted;
    private String appendFailure = "";
    private FileChannel tail;
    private long tailSegment = -1;
    private List<Sample> headBatch;

    private SampleJournal(JournalSegments segments, long segmentBytes, long maxBytes) {
        this.segments = segments;
        this.segmentBytes = Math.max(MIN_SEGMENT_BYTES, Math.min(segmentBytes, maxBytes / 2));
        this.maxBytes = maxBytes;
    }

    /** Opens the journal in {@code dir} (created if missing) with the default 2 GiB cap. */
    static SampleJournal open(Path dir, long segmentBytes) {
        return open(dir, segmentBytes, StoreWriterSettings.DEFAULT_JOURNAL_MAX_BYTES, FileChannel::open);
    }

    /** Opens the journal in {@code dir} (created if missing), recovering what a previous run left. */
    static SampleJournal open(Path dir, long segmentBytes, long maxBytes, JournalSegments.Disk disk) {
        SampleJournal journal = new SampleJournal(new JournalSegments(dir, disk), segmentBytes, maxBytes);
        try {
            Files.createDirectories(dir);
            for (long segment : journal.segments.existing()) {
                journal.adopt(segment, JournalRecovery.recover(journal.segments, segment));
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
            if (tail == null || (sizes.get(tailSegment) + length > segmentBytes
                    && sizes.get(tailSegment) > JournalCodec.FILE_HEADER_BYTES)) {
                roll();
            }
            makeRoom(length);
            long offset = sizes.get(tailSegment);
            writeDurably(record, offset);
            grow(tailSegment, length);
            boolean cache = cachedSamples + batch.size() <= CACHE_SAMPLES;
            cachedSamples += cache ? batch.size() : 0;
            entries.addLast(new JournalEntry(tailSegment, offset, length, batch.size(), cache ? List.copyOf(batch) : null));
            samples += batch.size();
            return true;
        } catch (IOException e) {
            appendFailure = "cannot append " + batch.size() + " samples to the journal in " + segments.dir() + ": "
                    + e.getMessage();
            LOG.debug(appendFailure);
            return false;
        }
    }

    @Override
    public String appendFailure() {
        return appendFailure;
    }

    @Override
    public List<Sample> head() {
        if (headBatch == null) {
            JournalEntry head = entries.getFirst();
            headBatch = head.cached() != null ? head.cached() : read(head);
        }
        return headBatch;
    }

    @Override
    public void removeHead() {
        JournalEntry done = entries.removeFirst();
        forget(done);
        JournalEntry next = entries.peekFirst();
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
    public long evicted() {
        return evicted;
    }

    @Override
    public boolean durable() {
        return true;
    }

    /** Bytes the segment files take now. */
    long bytes() {
        return bytes;
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
        segments.closeReader();
        JournalSegments.closeQuietly(tail);
        tail = null;
    }

    private void adopt(long segment, JournalRecovery.Recovered recovered) {
        discardedBytes += recovered.discardedBytes();
        if (recovered.entries().isEmpty()) {
            return;
        }
        grow(segment, recovered.size());
        for (JournalEntry entry : recovered.entries()) {
            entries.addLast(entry);
            samples += entry.samples();
        }
    }

    private void writeDurably(ByteBuffer record, long offset) throws IOException {
        try {
            while (record.hasRemaining()) {
                tail.write(record, offset + record.position());
            }
            tail.force(false);
        } catch (IOException e) {
            try {
                tail.truncate(offset);
            } catch (IOException truncateFailed) {
                // the next append starts a new segment; recovery cuts this one's torn tail
                JournalSegments.closeQuietly(tail);
                tail = null;
            }
            throw e;
        }
    }

    /** Deletes the oldest segments, never the one being written, until {@code length} more bytes fit under the cap. */
    private void makeRoom(int length) {
        while (bytes + length > maxBytes && sizes.firstKey() != tailSegment) {
            long oldest = sizes.firstKey();
            long lost = 0;
            while (!entries.isEmpty() && entries.getFirst().segment() == oldest) {
                JournalEntry entry = entries.removeFirst();
                forget(entry);
                lost += entry.samples();
            }
            evicted += lost;
            LOG.warn("the journal in {} reached its cap of {} bytes: dropped its oldest segment with {} samples "
                    + "({} dropped so far)", segments.dir(), maxBytes, lost, evicted);
            deleteSegment(oldest);
        }
    }

    private void forget(JournalEntry entry) {
        samples -= entry.samples();
        cachedSamples -= entry.cached() != null ? entry.samples() : 0;
        headBatch = null;
    }

    private List<Sample> read(JournalEntry entry) {
        try {
            return JournalCodec.decode(segments.readPayload(entry));
        } catch (IOException e) {
            unreadableRecords++;
            LOG.error("journal record of {} samples in segment {} at byte {} is unreadable and skipped: {}",
                    entry.samples(), entry.segment(), entry.offset(), e.toString());
            return List.of();
        }
    }

    private void roll() throws IOException {
        long segment = nextSegment++;
        FileChannel channel = segments.create(segment);
        JournalSegments.closeQuietly(tail);
        tail = channel;
        tailSegment = segment;
        grow(segment, JournalCodec.FILE_HEADER_BYTES);
    }

    private void grow(long segment, long by) {
        sizes.merge(segment, by, Long::sum);
        bytes += by;
    }

    private void deleteSegment(long segment) {
        if (segment == tailSegment) {
            if (!entries.isEmpty()) {
                return;
            }
            JournalSegments.closeQuietly(tail);
            tail = null;
            tailSegment = -1;
        }
        Long size = sizes.remove(segment);
        bytes -= size == null ? 0 : size;
        segments.delete(segment);
    }
}
