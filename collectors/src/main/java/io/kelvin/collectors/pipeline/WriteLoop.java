package io.kelvin.collectors.pipeline;

import io.kelvin.collectors.pipeline.StoreAttempt.Outcome;
import io.kelvin.core.retry.Backoff;
import io.kelvin.core.telemetry.Sample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link StoreWriter}'s background thread: takes batches from the queue and delivers each to
 * the store (inline, or on a {@link WriteLanes} lane when several writes may be in flight) or to the
 * spill, and replays the spill oldest first. It alone touches the spill and the backoff.
 *
 * <p>A batch the spill cannot take (disk full, journal unwritable) is held in memory and offered
 * again, to the store or the journal, until one takes it; meanwhile no new batch is taken, so the
 * queue absorbs the samples and {@code accept} drops and counts them once it is full. The loop
 * survives any failure of a store or a disk; an unexpected one is logged and retried after a wait.
 */
final class WriteLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(WriteLoop.class);
    private static final Duration LANE_WAIT = Duration.ofMillis(20);
    /** Batches per journal record while relieving a backlog: one fsync for several batches. */
    private static final int BACKLOG_BATCHES_PER_RECORD = 4;

    private final StoreWriterSettings settings;
    private final BlockingQueue<Sample> queue;
    private final Spill spill;
    private final StoreAttempt attempt;
    private final WriteLanes lanes;
    private final WriterStats stats;
    private final BatchGatherer gatherer;
    private final Backoff backoff;
    private final Object wakeUp = new Object();
    private volatile boolean closing;
    private volatile long closeDeadlineNanos;
    private long nextAttemptNanos = System.nanoTime();
    private final SpillDoor door;

    WriteLoop(StoreWriterSettings settings, BlockingQueue<Sample> queue, Spill spill, StoreAttempt attempt,
            WriterStats stats) {
        this.settings = settings;
        this.queue = queue;
        this.spill = spill;
        this.attempt = attempt;
        this.stats = stats;
        this.lanes = settings.ordered() ? null : new WriteLanes(attempt, settings.writesInFlight());
        this.gatherer = new BatchGatherer(queue, settings);
        // core's Backoff waits at least 1 ms: a zero minBackoff would never grow.
        Duration min = settings.minBackoff().isZero() ? Duration.ofMillis(1) : settings.minBackoff();
        this.backoff = new Backoff(min, settings.maxBackoff().compareTo(min) < 0 ? min : settings.maxBackoff());
        this.door = new SpillDoor(spill, stats);
    }

    /** Stops taking new work; what is queued is still written or journaled. */
    void close() {
        closeDeadlineNanos = System.nanoTime() + settings.closeTimeout().toNanos();
        closing = true;
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    boolean closing() {
        return closing;
    }

    @Override
    public void run() {
        List<Sample> batch = new ArrayList<>(settings.maxBatch());
        try {
            while (!closing || !queue.isEmpty() && System.nanoTime() - closeDeadlineNanos < 0) {
                batch = step(batch);
            }
            finishWrites();
            retryUntilCloseDeadline();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            shutDown(batch);
            if (lanes != null) {
                lanes.close();
            }
        }
    }

    /** One round: settle finished writes, deliver a batch (or the held one), relieve a backlog, replay. */
    private List<Sample> step(List<Sample> batch) throws InterruptedException {
        try {
            settleFinishedWrites();
            if (door.holding()) {
                batch.addAll(door.takeHeld());
                deliver(batch);
                batch = new ArrayList<>(settings.maxBatch());
                waitIfStillHeld();
            } else {
                int before = batch.size();
                gatherer.take(batch, firstWaitMillis(), closing);
                stats.inFlight.addAndGet(batch.size() - before);
                if (!batch.isEmpty()) {
                    deliver(batch);
                    batch = new ArrayList<>(settings.maxBatch());
                }
                while (!door.holding() && backlogged()) {
                    queue.drainTo(batch, BACKLOG_BATCHES_PER_RECORD * settings.maxBatch());
                    stats.inFlight.addAndGet(batch.size());
                    door.spillOrHold(batch);
                    batch = new ArrayList<>(settings.maxBatch());
                }
            }
            replay();
        } catch (RuntimeException e) {
            // a broken store or disk must not end the loop: every sample still has a place (batch, held, spill)
            stats.lastError.set(stats.error("store writer: " + e));
            Duration wait = backoff.next();
            LOG.error("store writer round failed; retrying in {}", wait, e);
            pause(wait.toMillis());
        }
        return batch;
    }

    /**
     * Writes the batch to the store when a write is due and nothing must go before it; else spills
     * it. With a journal, a queue more than half full also spills: the store is up but slower than
     * the collectors, and a journal append drains the queue before it overflows. With one write in
     * flight a non-empty spill goes first; with several, live batches go to the store beside it.
     */
    private void deliver(List<Sample> batch) throws InterruptedException {
        boolean spillFirst = settings.ordered() && !spill.isEmpty();
        if (spillFirst || backlogged() || System.nanoTime() - nextAttemptNanos < 0) {
            door.spillOrHold(batch);
        } else if (lanes == null) {
            settle(batch, attempt.write(batch));
        } else {
            submitUnlessBacklogged(batch);
        }
    }

    /**
     * Waits for a free lane, settling finished writes meanwhile; if the queue backs up first (a
     * slow store), journals the batch instead, so the queue never overflows behind a busy lane.
     */
    private void submitUnlessBacklogged(List<Sample> batch) throws InterruptedException {
        while (!lanes.trySubmit(batch, LANE_WAIT)) {
            settleFinishedWrites();
            if (backlogged() || closing) {
                door.spillOrHold(batch);
                return;
            }
        }
    }

    private void settleFinishedWrites() {
        if (lanes == null) {
            return;
        }
        for (WriteLanes.Done done = lanes.poll(); done != null; done = lanes.poll()) {
            settle(done.batch(), done.outcome());
        }
    }

    private void settle(List<Sample> batch, Outcome outcome) {
        switch (outcome) {
            case WRITTEN -> {
                backoff.reset();
                stats.inFlight.addAndGet(-batch.size());
            }
            case REJECTED -> stats.inFlight.addAndGet(-batch.size());
            case UNAVAILABLE -> {
                scheduleRetry();
                door.spillOrHold(batch);
            }
        }
    }

    /** Replays spilled batches, oldest first, while the store takes them and newer samples are not piling up. */
    private void replay() {
        while (!spill.isEmpty() && System.nanoTime() - nextAttemptNanos >= 0) {
            List<Sample> head = spill.head();
            Outcome outcome = head.isEmpty() ? Outcome.WRITTEN : attempt.write(head);
            if (outcome == Outcome.UNAVAILABLE) {
                scheduleRetry();
                return;
            }
            backoff.reset();
            door.replayed(head);
            if (spill.durable() ? backlogged() || !settings.ordered() && queue.size() >= settings.maxBatch()
                    : queue.size() >= settings.maxBatch()) {
                return;
            }
        }
    }

    private void scheduleRetry() {
        long now = System.nanoTime();
        if (now - nextAttemptNanos >= 0) {
            nextAttemptNanos = now + backoff.next().toNanos();
        }
    }

    /** With a journal: the queue is more than half full, so the store is slower than the collectors. */
    private boolean backlogged() {
        return spill.durable() && queue.size() > settings.capacity() / 2;
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

    private void waitIfStillHeld() throws InterruptedException {
        if (door.holding()) {
            pause(Math.max(1, Math.min(settings.minBackoff().toMillis(), settings.flushInterval().toMillis())));
        }
    }

    private void pause(long millis) {
        synchronized (wakeUp) {
            try {
                wakeUp.wait(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** At close: waits for the writes in flight and settles them (failed ones go to the journal). */
    private void finishWrites() throws InterruptedException {
        if (lanes == null) {
            return;
        }
        long leftNanos = Math.max(0, closeDeadlineNanos - System.nanoTime());
        if (!lanes.awaitIdle(Duration.ofNanos(leftNanos))) {
            LOG.warn("store writes still running at close; their {} samples may not be stored", stats.inFlight.get());
        }
        settleFinishedWrites();
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
        if (door.holding()) {
            left.addAll(door.takeHeld());
        }
        queue.drainTo(left);
        if (!left.isEmpty() && !door.spillAtClose(left) && spill.durable()) {
            LOG.warn("store writer closed with {} samples it could neither write nor journal; dropped them", left.size());
        }
        if (!spill.durable() && !spill.isEmpty()) {
            stats.dropped.addAndGet(spill.samples());
            LOG.warn("store writer closed with {} samples unwritten", spill.samples());
        } else if (spill.durable() && !spill.isEmpty()) {
            LOG.info("store writer closed with {} samples in the journal, replayed on the next start", spill.samples());
        }
        stats.spillPending.set(spill.durable() ? spill.samples() : 0);
        spill.close();
        stats.inFlight.set(0);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
