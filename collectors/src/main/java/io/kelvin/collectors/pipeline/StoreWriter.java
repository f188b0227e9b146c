package io.kelvin.collectors.pipeline;

import io.kelvin.core.telemetry.Sample;
import io.kelvin.core.telemetry.SampleSink;
import io.kelvin.core.telemetry.TelemetryStore;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Decouples collectors from the store: {@link #accept} puts samples in a bounded queue. With a
 * journal, a full queue back-pressures the caller: {@code accept} waits for room, so a collector that
 * outruns the store slows down (its poll cycles overrun) and nothing it collected is dropped while the
 * journal takes appends; it drops and counts only when the journal refuses them too (disk full) or the
 * writer is closing. Without a journal it never blocks; when the queue is full it drops and counts. A background thread ({@link WriteLoop}) takes
 * batches (up to {@code maxBatch} samples, or what arrived within {@code flushInterval}) and writes
 * them, with up to {@code writesInFlight} writes running at once ({@link WriteLanes}).
 *
 * <p>When the store is unavailable the batch goes to a spill; the spill is replayed oldest first,
 * retrying with capped exponential backoff. With one write in flight every newer batch also goes
 * behind the spill until it is empty, so the store receives samples in the order they were
 * accepted. Made with {@link #withJournal} the spill is a {@link SampleJournal} on disk (fsynced per
 * batch, replayed after a restart, capped at {@code journalMaxBytes}) and also takes batches while
 * the queue is more than half full (a store slower than the collectors); made with the plain
 * constructor it is memory holding at most {@code capacity} samples, lost on restart.
 *
 * <p>{@link #close()} stops taking samples and writes what is queued; with a journal, whatever the
 * store cannot take by then goes to the journal; without one, it keeps retrying for at most
 * {@code closeTimeout} and then drops and counts. It does not close the store.
 */
public final class StoreWriter implements SampleSink, AutoCloseable {

    private final StoreWriterSettings settings;
    private final BlockingQueue<Sample> queue;
    private final WriterStats stats;
    private final WriteLoop loop;
    private final Thread thread;
    private final boolean journaled;
    /** How often a waiting {@code accept} looks again whether it must give up (closing, journal refusing). */
    private static final long WAIT_SLICE_NANOS = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(20);

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
        return withJournal(store, settings, clock, journalDir, FileChannel::open);
    }

    static StoreWriter withJournal(TelemetryStore store, StoreWriterSettings settings, InstantSource clock,
            Path journalDir, JournalSegments.Disk disk) {
        return new StoreWriter(store, settings, clock,
                SampleJournal.open(journalDir, SampleJournal.DEFAULT_SEGMENT_BYTES, settings.journalMaxBytes(), disk));
    }

    StoreWriter(TelemetryStore store, StoreWriterSettings settings, InstantSource clock, Spill spill) {
        Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.stats = new WriterStats(Objects.requireNonNull(clock, "clock"));
        this.queue = new ArrayBlockingQueue<>(settings.capacity());
        this.journaled = spill.durable();
        this.loop = new WriteLoop(settings, queue, Objects.requireNonNull(spill, "spill"),
                new StoreAttempt(store, stats), stats);
        this.thread = Thread.ofPlatform().name("kelvin-store-writer").daemon().unstarted(loop);
        thread.start();
    }

    /**
     * Queues the samples. With a journal, waits while the queue is full, for as long as the journal
     * takes appends; without one (or while the journal refuses appends, or at close) what does not
     * fit is dropped and counted.
     */
    @Override
    public void accept(List<Sample> samples) {
        int taken = 0;
        long waitedSince = 0;
        try {
            for (Sample sample : samples) {
                if (loop.closing()) {
                    break;
                }
                if (queue.offer(sample)) {
                    taken++;
                    continue;
                }
                if (waitedSince == 0) {
                    waitedSince = System.nanoTime();
                    stats.backPressured.incrementAndGet();
                }
                if (waitForRoom(sample)) {
                    taken++;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (waitedSince != 0) {
                stats.backPressureNanos.addAndGet(System.nanoTime() - waitedSince);
            }
            stats.accepted.addAndGet(taken);
            stats.dropped.addAndGet(samples.size() - taken);
        }
    }

    /** Waits for room for the sample while the journal may take the backlog; false when it must be dropped. */
    private boolean waitForRoom(Sample sample) throws InterruptedException {
        while (journaled && !loop.closing() && stats.journalDown.get() == null && thread.isAlive()) {
            if (queue.offer(sample, WAIT_SLICE_NANOS, java.util.concurrent.TimeUnit.NANOSECONDS)) {
                return true;
            }
        }
        return false;
    }

    public long accepted() {
        return stats.accepted.get();
    }

    /** Samples the store took, replays included. */
    public long written() {
        return stats.written.get();
    }

    /** Hand-overs ({@code accept} calls) that had to wait for room in a full queue. */
    public long backPressured() {
        return stats.backPressured.get();
    }

    /** Total time {@code accept} calls waited for room in a full queue. */
    public Duration backPressureWait() {
        return Duration.ofNanos(stats.backPressureNanos.get());
    }

    /**
     * Samples lost: queue full (without a journal, or while the journal refuses appends), memory spill full, writer closed, left unwritten at close without a
     * journal, or dropped from the journal at its size cap ({@link #evictedFromJournal()}).
     */
    public long dropped() {
        return stats.dropped.get();
    }

    /** Samples of the oldest journal segments dropped to keep the journal under {@code journalMaxBytes}. */
    public long evictedFromJournal() {
        return stats.evicted.get();
    }

    /** Write attempts that failed (each retry counts). */
    public long failedWrites() {
        return stats.failedWrites.get();
    }

    /** Samples that went to the spill (journal) since start. */
    public long spilled() {
        return stats.spilled.get();
    }

    /** Samples replayed from the spill into the store since start. */
    public long replayed() {
        return stats.replayed.get();
    }

    /** Samples waiting in the spill (journal) now. */
    public long spillPending() {
        return stats.spillPending.get();
    }

    /** Samples waiting: in the queue, in the batches being written or held, and in the spill. */
    public long queued() {
        return queue.size() + stats.inFlight.get() + stats.spillPending.get();
    }

    public Optional<WriteError> lastError() {
        return Optional.ofNullable(stats.lastError.get());
    }

    /** Whether the store and the journal take samples now, and what was lost since start. */
    public StoreWriterHealth health() {
        return new StoreWriterHealth(Optional.ofNullable(stats.storeDown.get()),
                Optional.ofNullable(stats.journalDown.get()), dropped(), evictedFromJournal(), queued(), backPressured());
    }

    /** Whether the writer thread runs; it stops only at {@link #close()}. */
    public boolean running() {
        return thread.isAlive();
    }

    /** Stops taking samples, writes or journals what is queued (at most {@code closeTimeout}), stops the thread. */
    @Override
    public void close() {
        if (loop.closing()) {
            return;
        }
        loop.close();
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
}
