package io.kelvin.collectors.pipeline;

import io.kelvin.core.telemetry.Sample;
import io.kelvin.core.telemetry.SampleSink;
import io.kelvin.core.telemetry.StoreUnavailableException;
import io.kelvin.core.telemetry.TelemetryStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decouples collectors from the store: {@link #accept} puts samples in a bounded queue and never
 * blocks; when the queue is full it drops and counts. One background thread takes batches (up to
 * {@code maxBatch} samples, or what arrived within {@code flushInterval}) and writes them. When the
 * store is unavailable the batch is kept and retried with capped exponential backoff, so nothing
 * is lost while the queue has room. {@link #close()} writes what is queued, waiting at most
 * {@code closeTimeout}; it does not close the store, whose owner closes it afterwards.
 */
public final class StoreWriter implements SampleSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreWriter.class);

    private final TelemetryStore store;
    private final StoreWriterSettings settings;
    private final InstantSource clock;
    private final BlockingQueue<Sample> queue;
    private final Thread thread;
    private final Backoff backoff;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failedWrites = new AtomicLong();
    private final AtomicLong inFlight = new AtomicLong();
    private final AtomicReference<WriteError> lastError = new AtomicReference<>();
    private final Object wakeUp = new Object();
    private volatile boolean closing;
    private volatile long closeDeadlineNanos;

    /** A failed write: when it happened and what the store said. */
    public record WriteError(Instant at, String message) {
    }

    /** Starts the writer thread. */
    public StoreWriter(TelemetryStore store, StoreWriterSettings settings, InstantSource clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.queue = new ArrayBlockingQueue<>(settings.capacity());
        this.backoff = new Backoff(settings.minBackoff(), settings.maxBackoff());
        this.thread = Thread.ofPlatform().name("kelvin-store-writer").daemon().unstarted(this::run);
        thread.start();
    }

    /** Queues the samples without blocking; those that do not fit are dropped and counted. */
    @Override
    public void accept(List<Sample> samples) {
        for (Sample sample : samples) {
            if (!closing && queue.offer(sample)) {
                accepted.incrementAndGet();
            } else {
                dropped.incrementAndGet();
            }
        }
    }

    public long accepted() {
        return accepted.get();
    }

    public long written() {
        return written.get();
    }

    /** Samples lost: queue full, writer closed, or left unwritten when close timed out. */
    public long dropped() {
        return dropped.get();
    }

    /** Write attempts that failed (each retry counts). */
    public long failedWrites() {
        return failedWrites.get();
    }

    /** Samples waiting: in the queue plus the batch being written. */
    public long queued() {
        return queue.size() + inFlight.get();
    }

    public Optional<WriteError> lastError() {
        return Optional.ofNullable(lastError.get());
    }

    /** Stops taking samples, writes what is queued (at most {@code closeTimeout}), stops the thread. */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closeDeadlineNanos = System.nanoTime() + settings.closeTimeout().toNanos();
        closing = true;
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
        try {
            thread.join(settings.closeTimeout().plusSeconds(1));
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(Duration.ofSeconds(5));
            }
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Sample> batch = new ArrayList<>(settings.maxBatch());
        try {
            while (!closing || !queue.isEmpty()) {
                takeBatch(batch);
                if (!batch.isEmpty() && !writeUntilDone(batch)) {
                    break;
                }
                batch.clear();
                inFlight.set(0);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            int left = batch.size() + queue.size();
            if (left > 0) {
                dropped.addAndGet(left);
                LOG.warn("store writer closed with {} samples unwritten", left);
            }
            inFlight.set(0);
            queue.clear();
        }
    }

    /** Waits for a first sample, then gathers more until the batch is full or the interval ends. */
    private void takeBatch(List<Sample> batch) throws InterruptedException {
        Sample first = queue.poll(closing ? 0 : settings.flushInterval().toMillis(), TimeUnit.MILLISECONDS);
        if (first == null) {
            return;
        }
        batch.add(first);
        long deadline = System.nanoTime() + settings.flushInterval().toNanos();
        while (batch.size() < settings.maxBatch() && !closing) {
            long leftNanos = deadline - System.nanoTime();
            Sample next = leftNanos > 0 ? queue.poll(leftNanos, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                break;
            }
            batch.add(next);
            queue.drainTo(batch, settings.maxBatch() - batch.size());
        }
        queue.drainTo(batch, settings.maxBatch() - batch.size());
        inFlight.set(batch.size());
    }

    /**
     * Writes the batch, retrying while the store is unavailable. Returns false when it gives up:
     * closing and past the close deadline.
     */
    private boolean writeUntilDone(List<Sample> batch) throws InterruptedException {
        while (true) {
            try {
                store.write(batch);
                written.addAndGet(batch.size());
                backoff.reset();
                return true;
            } catch (StoreUnavailableException e) {
                recordFailure(e, batch.size());
            } catch (RuntimeException e) {
                // a batch the store rejects for a reason other than availability would block forever
                recordFailure(e, batch.size());
                dropped.addAndGet(batch.size());
                batch.clear();
                LOG.error("store rejected a batch; dropped it", e);
                return true;
            }
            long waitMs = backoff.next().toMillis();
            if (closing) {
                long leftMs = TimeUnit.NANOSECONDS.toMillis(closeDeadlineNanos - System.nanoTime());
                if (leftMs <= 0) {
                    return false;
                }
                waitMs = Math.min(waitMs, leftMs);
            }
            synchronized (wakeUp) {
                wakeUp.wait(waitMs);
            }
        }
    }

    private void recordFailure(RuntimeException e, int size) {
        failedWrites.incrementAndGet();
        lastError.set(new WriteError(clock.instant(), e.getMessage()));
        if (backoff.attempts() == 0) {
            LOG.warn("writing {} samples failed, retrying with backoff: {}", size, e.getMessage());
        } else {
            LOG.debug("retry {} of {} samples failed: {}", backoff.attempts(), size, e.getMessage());
        }
    }
}
