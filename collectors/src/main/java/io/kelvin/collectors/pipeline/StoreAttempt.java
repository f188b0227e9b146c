package io.kelvin.collectors.pipeline;

import io.kelvin.core.telemetry.Sample;
import io.kelvin.core.telemetry.StoreUnavailableException;
import io.kelvin.core.telemetry.TelemetryStore;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One store write of one batch and what came of it, counted in the {@link WriterStats}. Thread-safe. */
final class StoreAttempt {

    /** WRITTEN: the store has it; REJECTED: refused for a reason other than availability, dropped; UNAVAILABLE: retry later. */
    enum Outcome { WRITTEN, REJECTED, UNAVAILABLE }

    private static final Logger LOG = LoggerFactory.getLogger(StoreAttempt.class);

    private final TelemetryStore store;
    private final WriterStats stats;

    StoreAttempt(TelemetryStore store, WriterStats stats) {
        this.store = store;
        this.stats = stats;
    }

    /**
     * Writes the batch. A rejected batch is dropped, since retrying it would block everything
     * behind it; an unavailable store leaves the batch to the caller.
     */
    Outcome write(List<Sample> batch) {
        try {
            store.write(batch);
            stats.written.addAndGet(batch.size());
            stats.storeDown.set(null);
            return Outcome.WRITTEN;
        } catch (StoreUnavailableException e) {
            StoreWriter.WriteError error = recordFailure(e);
            if (stats.storeDown.compareAndSet(null, error)) {
                LOG.warn("writing {} samples failed, spilling and retrying with backoff: {}", batch.size(), e.getMessage());
            } else {
                LOG.debug("writing {} samples failed again: {}", batch.size(), e.getMessage());
            }
            return Outcome.UNAVAILABLE;
        } catch (RuntimeException e) {
            recordFailure(e);
            stats.dropped.addAndGet(batch.size());
            LOG.error("store rejected a batch of {} samples; dropped it", batch.size(), e);
            return Outcome.REJECTED;
        }
    }

    private StoreWriter.WriteError recordFailure(RuntimeException e) {
        stats.failedWrites.incrementAndGet();
        StoreWriter.WriteError error = stats.error(e.getMessage());
        stats.lastError.set(error);
        return error;
    }
}
