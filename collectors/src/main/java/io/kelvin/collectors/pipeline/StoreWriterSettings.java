package io.kelvin.collectors.pipeline;

import java.time.Duration;

/**
 * Tuning of a {@link StoreWriter}. {@code capacity}: samples the queue holds (at 300 samples/s,
 * 100,000 is about 5.5 min of outage); {@code maxBatch}: samples per write; {@code flushInterval}:
 * how long a batch gathers before it is written; {@code minBackoff}..{@code maxBackoff}: retry
 * waits, doubling; {@code closeTimeout}: how long {@code close()} keeps writing;
 * {@code writesInFlight}: store writes running at once. With 1 the store receives every batch in
 * the order it was accepted (what rrd4j needs: it drops a sample older than one it has). More than
 * 1 is for stores that take batches in any order and overwrite a sample written twice (InfluxDB):
 * batches then overlap, and once the store answers again new batches go to it directly while the
 * journal is replayed beside them. {@code journalMaxBytes}: the most disk the journal takes; past
 * it the oldest segments are dropped and counted.
 */
public record StoreWriterSettings(int capacity, int maxBatch, Duration flushInterval, Duration minBackoff,
        Duration maxBackoff, Duration closeTimeout, int writesInFlight, long journalMaxBytes) {

    /** 2 GiB: at the bench's 54,000 samples/s (about 60 bytes each on disk) about 11 min of outage; at 3,000 samples/s, 3 h. */
    public static final long DEFAULT_JOURNAL_MAX_BYTES = 2L << 30;

    public static final StoreWriterSettings DEFAULTS = new StoreWriterSettings(100_000, 5_000,
            Duration.ofSeconds(1), Duration.ofMillis(100), Duration.ofSeconds(10), Duration.ofSeconds(10));

    public StoreWriterSettings {
        if (capacity < 1 || maxBatch < 1 || writesInFlight < 1) {
            throw new IllegalArgumentException("capacity, maxBatch and writesInFlight must be at least 1");
        }
        if (flushInterval.isNegative() || minBackoff.isNegative() || closeTimeout.isNegative()
                || maxBackoff.compareTo(minBackoff) < 0) {
            throw new IllegalArgumentException("durations must be positive and minBackoff <= maxBackoff");
        }
        if (journalMaxBytes < 2 * SampleJournal.MIN_SEGMENT_BYTES) {
            throw new IllegalArgumentException("journalMaxBytes must be at least " + 2 * SampleJournal.MIN_SEGMENT_BYTES);
        }
    }

    /** One write in flight, a 2 GiB journal. */
    public StoreWriterSettings(int capacity, int maxBatch, Duration flushInterval, Duration minBackoff,
            Duration maxBackoff, Duration closeTimeout) {
        this(capacity, maxBatch, flushInterval, minBackoff, maxBackoff, closeTimeout, 1, DEFAULT_JOURNAL_MAX_BYTES);
    }

    public StoreWriterSettings withCapacity(int newCapacity) {
        return new StoreWriterSettings(newCapacity, maxBatch, flushInterval, minBackoff, maxBackoff, closeTimeout,
                writesInFlight, journalMaxBytes);
    }

    public StoreWriterSettings withMaxBatch(int newMaxBatch) {
        return new StoreWriterSettings(capacity, newMaxBatch, flushInterval, minBackoff, maxBackoff, closeTimeout,
                writesInFlight, journalMaxBytes);
    }

    public StoreWriterSettings withFlushInterval(Duration newInterval) {
        return new StoreWriterSettings(capacity, maxBatch, newInterval, minBackoff, maxBackoff, closeTimeout,
                writesInFlight, journalMaxBytes);
    }

    public StoreWriterSettings withBackoff(Duration min, Duration max) {
        return new StoreWriterSettings(capacity, maxBatch, flushInterval, min, max, closeTimeout, writesInFlight,
                journalMaxBytes);
    }

    public StoreWriterSettings withCloseTimeout(Duration newTimeout) {
        return new StoreWriterSettings(capacity, maxBatch, flushInterval, minBackoff, maxBackoff, newTimeout,
                writesInFlight, journalMaxBytes);
    }

    /** Several writes at once: only for stores that take batches out of order (InfluxDB), see the type doc. */
    public StoreWriterSettings withWritesInFlight(int writes) {
        return new StoreWriterSettings(capacity, maxBatch, flushInterval, minBackoff, maxBackoff, closeTimeout,
                writes, journalMaxBytes);
    }

    public StoreWriterSettings withJournalMaxBytes(long bytes) {
        return new StoreWriterSettings(capacity, maxBatch, flushInterval, minBackoff, maxBackoff, closeTimeout,
                writesInFlight, bytes);
    }

    /** Whether the store must receive batches in the order they were accepted. */
    boolean ordered() {
        return writesInFlight == 1;
    }
}
