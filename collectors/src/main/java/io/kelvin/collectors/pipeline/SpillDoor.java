package io.kelvin.collectors.pipeline;

import io.kelvin.core.telemetry.Sample;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts batches into the spill and keeps the counts: spilled, pending, evicted at the journal's cap.
 * A batch a journal refuses (disk full) is held here until {@link #takeHeld()}; a full memory
 * spill drops and counts. Logs and reports (in {@link WriterStats#journalDown}) only when the
 * journal starts or stops refusing, not every retry. Used by the writer thread only.
 */
final class SpillDoor {

    private static final Logger LOG = LoggerFactory.getLogger(SpillDoor.class);

    private final Spill spill;
    private final WriterStats stats;
    private long evictedSeen;
    private List<Sample> held;

    SpillDoor(Spill spill, WriterStats stats) {
        this.spill = spill;
        this.stats = stats;
        this.evictedSeen = spill.evicted();
        stats.spillPending.set(spill.samples());
    }

    /**
     * Journals or parks the batch, which must have been counted in {@code inFlight}. While a batch
     * is held, another one (a second failed write in flight) joins it: it is offered again with it.
     */
    void spillOrHold(List<Sample> batch) {
        if (held != null) {
            List<Sample> joined = new ArrayList<>(held.size() + batch.size());
            joined.addAll(held);
            joined.addAll(batch);
            held = joined;
            return;
        }
        if (spill.append(batch)) {
            stats.spilled.addAndGet(batch.size());
            stats.inFlight.addAndGet(-batch.size());
            countEvictions();
            stats.spillPending.set(spill.samples());
            if (stats.journalDown.getAndSet(null) != null) {
                LOG.info("the journal takes samples again");
            }
        } else if (spill.durable()) {
            held = batch;
            StoreWriter.WriteError error = stats.error(spill.appendFailure());
            if (stats.journalDown.compareAndSet(null, error)) {
                LOG.error("the journal cannot take {} samples ({}); holding them in memory, new samples wait in the "
                        + "queue and are dropped and counted when it is full", batch.size(), error.message());
            }
        } else {
            stats.dropped.addAndGet(batch.size());
            stats.inFlight.addAndGet(-batch.size());
            LOG.warn("no room to spill {} samples; dropped them", batch.size());
        }
    }

    boolean holding() {
        return held != null;
    }

    /** The held batch, no longer held; null when none. */
    List<Sample> takeHeld() {
        List<Sample> batch = held;
        held = null;
        return batch;
    }

    /** The spill's head was written: forget it. */
    void replayed(List<Sample> head) {
        spill.removeHead();
        stats.replayed.addAndGet(head.size());
        stats.spillPending.set(spill.samples());
    }

    /** At close: journals what is left in memory, or drops and counts it; true when journaled. */
    boolean spillAtClose(List<Sample> left) {
        if (spill.durable() && spill.append(left)) {
            stats.spilled.addAndGet(left.size());
            countEvictions();
            stats.spillPending.set(spill.samples());
            return true;
        }
        stats.dropped.addAndGet(left.size());
        return false;
    }

    private void countEvictions() {
        long evicted = spill.evicted() - evictedSeen;
        if (evicted > 0) {
            evictedSeen += evicted;
            stats.evicted.addAndGet(evicted);
            stats.dropped.addAndGet(evicted);
        }
    }
}
