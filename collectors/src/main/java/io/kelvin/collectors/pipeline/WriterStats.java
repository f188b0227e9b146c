package io.kelvin.collectors.pipeline;

import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** The counters and last errors of one {@link StoreWriter}, shared by its threads. */
final class WriterStats {

    final AtomicLong accepted = new AtomicLong();
    final AtomicLong written = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    final AtomicLong evicted = new AtomicLong();
    final AtomicLong failedWrites = new AtomicLong();
    final AtomicLong inFlight = new AtomicLong();
    final AtomicLong spilled = new AtomicLong();
    final AtomicLong spillPending = new AtomicLong();
    final AtomicLong replayed = new AtomicLong();
    /** Calls of {@code accept} that waited for room in a full queue, and how long they waited in total. */
    final AtomicLong backPressured = new AtomicLong();
    final AtomicLong backPressureNanos = new AtomicLong();
    final AtomicReference<StoreWriter.WriteError> lastError = new AtomicReference<>();
    /** Set while the store refuses writes, cleared by the next write it takes. */
    final AtomicReference<StoreWriter.WriteError> storeDown = new AtomicReference<>();
    /** Set while the journal refuses appends (disk full, unwritable), cleared by the next append it takes. */
    final AtomicReference<StoreWriter.WriteError> journalDown = new AtomicReference<>();
    private final InstantSource clock;

    WriterStats(InstantSource clock) {
        this.clock = clock;
    }

    StoreWriter.WriteError error(String message) {
        return new StoreWriter.WriteError(clock.instant(), message);
    }

    Instant now() {
        return clock.instant();
    }
}
