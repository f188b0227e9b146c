package io.kelvin.collectors.pipeline;

import io.kelvin.core.telemetry.Sample;
import io.kelvin.core.telemetry.SampleSink;
import io.kelvin.core.telemetry.StoreUnavailableException;
import io.kelvin.core.telemetry.TelemetryStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.nio.file.Path;
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
 * {@code maxBatch} samples, or what arrived within {@code flushInterval}) and writes them.
 *
 * <p>When the store is unavailable the batch goes to a spill, and so does every newer batch until
 * the spill is empty again; the spill is replayed oldest first, retrying with capped exponential
 * backoff, so the store receives samples in the order they were accepted. Made with
 * {@link #withJournal} the spill is a {@link SampleJournal} on disk (fsynced per batch, replayed
 * after a restart) and also takes batches while the queue is more than half full (a store slower
 * than the collectors), so samples are dropped only when the disk is full or the collectors
 * outrun even the journal appends; made with the plain constructor it is memory holding at most
 * {@code capacity} samples, lost on restart.
 *
 * <p>{@link #close()} stops taking samples and writes what is queued; with a journal, whatever the
 * store cannot take by then goes to the journal; without one, it keeps retrying for at most
 * {@code closeTimeout} and then drops and counts. It does not close the store.
 */
public final class StoreWriter implements SampleSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreWriter.class);

    private final TelemetryStore store;
    private final StoreWriterSettings settings;
    private final InstantSource clock;
    private final BlockingQueue<Sample> queue;
    private final Spill spill;
    private final Thread thread;
    private final Backoff backoff;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failedWrites = new AtomicLong();
    private final AtomicLong inFlight = new AtomicLong();
    private final AtomicLong spilled = new AtomicLong();
    private final AtomicLong spillPending = new AtomicLong();
    private final AtomicLong replayed = new AtomicLong();
    private final AtomicReference<WriteError> lastError = new AtomicReference<>();
    private final Object wakeUp = new Object();
    private volatile boolean closing;
    private volatile long closeDeadlineNanos;
    private long nextAttemptNanos = System.nanoTime();

    /** A failed write: when it happened and what the store said. */
    public record WriteError(Instant at, String message) {
    }

    /** Starts the writer thread with a spill in memory of at most {@code capacity} samples. */
    public StoreWriter(TelemetryStore store, StoreWriterSettings settings, InstantSource clock) {
        this(store, settings, clock, new MemorySpill(settings.capacity()));
    }

    /**
     * Starts the writer thread with a journal in {@code journalDir} (created when missing). What a
     * previous run left there is replayed first, before any sample accepted now.
     */
    public static StoreWriter withJournal(TelemetryStore store, StoreWriterSettings settings, InstantSource clock,
            Path journalDir) {
        return new StoreWriter(store, settings, clock, SampleJournal.open(journalDir, SampleJournal.DEFAULT_SEGMENT_BYTES));
    }

    StoreWriter(TelemetryStore store, StoreWriterSettings settings, InstantSource clock, Spill spill) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.spill = Objects.requireNonNull(spill, "spill");
        this.queue = new ArrayBlockingQueue<>(settings.capacity());
        this.backoff = new Backoff(settings.minBackoff(), settings.maxBackoff());
        this.spillPending.set(spill.samples());
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

    /** Samples the store took, replays included. */
    public long written() {
        return written.get();
    }

    /** Samples lost: queue full, spill full (memory cap or disk full), writer closed, or left unwritten at close without a journal. */
    public long dropped() {
        return dropped.get();
    }

    /** Write attempts that failed (each retry counts). */
    public long failedWrites() {
        return failedWrites.get();
    }

    /** Samples that went to the spill (journal) since start. */
    public long spilled() {
        return spilled.get();
    }

    /** Samples replayed from the spill into the store since start. */
    public long replayed() {
        return replayed.get();
    }

    /** Samples waiting in the spill (journal) now. */
    public long spillPending() {
        return spillPending.get();
    }

    /** Samples waiting: in the queue, in the batch being written and in the spill. */
    public long queued() {
        return queue.size() + inFlight.get() + spillPending.get();
    }

    public Optional<WriteError> lastError() {
        return Optional.ofNullable(lastError.get());
    }

    /** Stops taking samples, writes or journals what is queued (at most {@code closeTimeout}), stops the thread. */
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
                if (!batch.isEmpty()) {
                    deliver(batch);
                    batch.clear();
                    inFlight.set(0);
                }
                while (backlogged()) {
                    queue.drainTo(batch, settings.maxBatch());
                    spillOrDrop(batch);
                    batch.clear();
                }
                replay();
            }
            retryUntilCloseDeadline();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            shutDown(batch);
        }
    }

    /** Waits for a first sample, then gathers more until the batch is full or the interval ends. */
    private void takeBatch(List<Sample> batch) throws InterruptedException {
        Sample first = queue.poll(firstWaitMillis(), TimeUnit.MILLISECONDS);
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

    /** How long to wait for a first sample: not past the next replay attempt. */
    private long firstWaitMillis() {
        if (closing) {
            return 0;
        }
        long flushMs = settings.flushInterval().toMillis();
        if (spill.isEmpty()) {
            return flushMs;
        }
        return Math.clamp(TimeUnit.NANOSECONDS.toMillis(nextAttemptNanos - System.nanoTime()), 0, flushMs);
    }

    /**
     * Writes the batch straight to the store when nothing is spilled and a write is due; else spills
     * it. With a journal, a queue more than half full also spills: the store is up but slower than
     * the collectors, and a journal append (about a millisecond) drains the queue before it overflows.
     */
    private void deliver(List<Sample> batch) {
        if (spill.isEmpty() && !backlogged() && System.nanoTime() - nextAttemptNanos >= 0 && tryWrite(batch)) {
            return;
        }
        spillOrDrop(batch);
    }

    /** Replays spilled batches, oldest first, while the store takes them and newer samples are not piling up. */
    private void replay() {
        while (!spill.isEmpty() && System.nanoTime() - nextAttemptNanos >= 0) {
            List<Sample> head = spill.head();
            if (!head.isEmpty() && !tryWrite(head)) {
                return;
            }
            spill.removeHead();
            replayed.addAndGet(head.size());
            spillPending.set(spill.samples());
            if (spill.durable() ? backlogged() : queue.size() >= settings.maxBatch()) {
                return;
            }
        }
    }

    /** With a journal: the queue is more than half full, so the store is slower than the collectors. */
    private boolean backlogged() {
        return spill.durable() && queue.size() > settings.capacity() / 2;
    }

    /**
     * One write. True when the batch is done with: written, or rejected for a reason other than
     * availability (dropped, since retrying it would block everything behind it). False when the
     * store is unavailable; the next attempt is then scheduled with backoff.
     */
    private boolean tryWrite(List<Sample> batch) {
        try {
            store.write(batch);
            written.addAndGet(batch.size());
            backoff.reset();
            return true;
        } catch (StoreUnavailableException e) {
            recordFailure(e, batch.size());
            nextAttemptNanos = System.nanoTime() + backoff.next().toNanos();
            return false;
        } catch (RuntimeException e) {
            recordFailure(e, batch.size());
            dropped.addAndGet(batch.size());
            LOG.error("store rejected a batch of {} samples; dropped it", batch.size(), e);
            return true;
        }
    }

    private void spillOrDrop(List<Sample> batch) {
        if (spill.append(batch)) {
            spilled.addAndGet(batch.size());
            spillPending.set(spill.samples());
        } else {
            dropped.addAndGet(batch.size());
            LOG.warn("no room to spill {} samples; dropped them", batch.size());
        }
    }

    /** Without a journal, keeps replaying the memory spill until the close deadline. */
    private void retryUntilCloseDeadline() throws InterruptedException {
        while (!spill.durable() && !spill.isEmpty()) {
            long leftMs = TimeUnit.NANOSECONDS.toMillis(closeDeadlineNanos - System.nanoTime());
            if (leftMs <= 0) {
                return;
            }
            long waitMs = Math.min(leftMs, TimeUnit.NANOSECONDS.toMillis(nextAttemptNanos - System.nanoTime()));
            if (waitMs > 0) {
                synchronized (wakeUp) {
                    wakeUp.wait(waitMs);
                }
            }
            replay();
        }
    }

    /** Journals what is still in memory (or drops and counts it without a journal), then closes the spill. */
    private void shutDown(List<Sample> batch) {
        boolean interrupted = Thread.interrupted();
        List<Sample> left = new ArrayList<>(batch);
        queue.drainTo(left);
        if (!left.isEmpty()) {
            if (spill.durable()) {
                spillOrDrop(left);
            } else {
                dropped.addAndGet(left.size());
            }
        }
        if (!spill.durable() && !spill.isEmpty()) {
            dropped.addAndGet(spill.samples());
            LOG.warn("store writer closed with {} samples unwritten", spill.samples() + left.size());
        } else if (spill.durable() && !spill.isEmpty()) {
            LOG.info("store writer closed with {} samples in the journal, replayed on the next start", spill.samples());
        }
        spill.close();
        spillPending.set(spill.durable() ? spillPending.get() : 0);
        inFlight.set(0);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void recordFailure(RuntimeException e, int size) {
        failedWrites.incrementAndGet();
        lastError.set(new WriteError(clock.instant(), e.getMessage()));
        if (backoff.attempts() == 0) {
            LOG.warn("writing {} samples failed, spilling and retrying with backoff: {}", size, e.getMessage());
        } else {
            LOG.debug("retry {} of {} samples failed: {}", backoff.attempts(), size, e.getMessage());
        }
    }
}
