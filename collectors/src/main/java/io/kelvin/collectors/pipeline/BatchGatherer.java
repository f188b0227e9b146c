package io.kelvin.collectors.pipeline;

import io.kelvin.core.telemetry.Sample;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/** Takes one batch from the queue: up to {@code maxBatch} samples, or what arrived within {@code flushInterval}. */
final class BatchGatherer {

    private final BlockingQueue<Sample> queue;
    private final int maxBatch;
    private final long flushNanos;

    BatchGatherer(BlockingQueue<Sample> queue, StoreWriterSettings settings) {
        this.queue = queue;
        this.maxBatch = settings.maxBatch();
        this.flushNanos = settings.flushInterval().toNanos();
    }

    /**
     * Waits up to {@code firstWaitMillis} for a first sample, then gathers more until the batch is
     * full or the flush interval ends; with {@code closing} it takes only what is there.
     */
    void take(List<Sample> batch, long firstWaitMillis, boolean closing) throws InterruptedException {
        Sample first = queue.poll(firstWaitMillis, TimeUnit.MILLISECONDS);
        if (first == null) {
            return;
        }
        batch.add(first);
        long deadline = System.nanoTime() + flushNanos;
        while (batch.size() < maxBatch && !closing) {
            queue.drainTo(batch, maxBatch - batch.size());
            long leftNanos = deadline - System.nanoTime();
            Sample next = batch.size() < maxBatch && leftNanos > 0 ? queue.poll(leftNanos, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                break;
            }
            batch.add(next);
        }
        queue.drainTo(batch, maxBatch - batch.size());
    }
}
