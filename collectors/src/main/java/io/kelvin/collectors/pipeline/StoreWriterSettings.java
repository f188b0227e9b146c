package io.kelvin.collectors.pipeline;

import java.time.Duration;

/**
 * Tuning of a {@link StoreWriter}. {@code capacity}: samples the queue holds (at 300 samples/s,
 * 100,000 is about 5.5 min of outage); {@code maxBatch}: samples per write; {@code flushInterval}:
 * how long a batch gathers before it is written; {@code minBackoff}..{@code maxBackoff}: retry
 * waits, doubling; {@code closeTimeout}: how long {@code close()} keeps writing.
 */
public record StoreWriterSettings(int capacity, int maxBatch, Duration flushInterval, Duration minBackoff,
        Duration maxBackoff, Duration closeTimeout) {

    public static final StoreWriterSettings DEFAULTS = new StoreWriterSettings(100_000, 5_000,
            Duration.ofSeconds(1), Duration.ofMillis(100), Duration.ofSeconds(10), Duration.ofSeconds(10));

    public StoreWriterSettings {
        if (capacity < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("capacity and maxBatch must be at least 1");
        }
        if (flushInterval.isNegative() || minBackoff.isNegative() || closeTimeout.isNegative()
                || maxBackoff.compareTo(minBackoff) < 0) {
            throw new IllegalArgumentException("durations must be positive and minBackoff <= maxBackoff");
        }
    }

    public StoreWriterSettings withCapacity(int newCapacity) {
        return new StoreWriterSettings(newCapacity, maxBatch, flushInterval, minBackoff, maxBackoff, closeTimeout);
    }

    public StoreWriterSettings withFlushInterval(Duration newInterval) {
        return new StoreWriterSettings(capacity, maxBatch, newInterval, minBackoff, maxBackoff, closeTimeout);
    }

    public StoreWriterSettings withBackoff(Duration min, Duration max) {
        return new StoreWriterSettings(capacity, maxBatch, flushInterval, min, max, closeTimeout);
    }

    public StoreWriterSettings withCloseTimeout(Duration newTimeout) {
        return new StoreWriterSettings(capacity, maxBatch, flushInterval, minBackoff, maxBackoff, newTimeout);
    }
}
