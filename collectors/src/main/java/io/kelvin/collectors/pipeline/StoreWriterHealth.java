package io.kelvin.collectors.pipeline;

import java.util.Optional;

/**
 * What a {@link StoreWriter} reports about itself. {@code storeError}: present while the store
 * refuses writes (samples then wait in the journal); {@code journalError}: present while the
 * journal refuses appends, e.g. a full disk (samples then wait in memory, and past the queue's
 * capacity are dropped and counted); {@code dropped}: every sample lost since start, of which
 * {@code evictedFromJournal} were the oldest journal segments dropped at the journal's size cap;
 * {@code pending}: samples not yet in the store (queue, writes in flight, journal);
 * {@code backPressured}: hand-overs that waited for room in a full queue (the collectors then slowed
 * down: see the devices' poll overruns).
 */
public record StoreWriterHealth(Optional<StoreWriter.WriteError> storeError,
        Optional<StoreWriter.WriteError> journalError, long dropped, long evictedFromJournal, long pending,
        long backPressured) {

    /** A writer that never made a collector wait. */
    public StoreWriterHealth(Optional<StoreWriter.WriteError> storeError,
            Optional<StoreWriter.WriteError> journalError, long dropped, long evictedFromJournal, long pending) {
        this(storeError, journalError, dropped, evictedFromJournal, pending, 0);
    }

    /** Nothing refused right now and nothing ever lost. */
    public boolean healthy() {
        return storeError.isEmpty() && journalError.isEmpty() && dropped == 0;
    }

    /** One line for a health check or a log, e.g. {@code journal cannot take samples: ...: No space left on device}. */
    public String message() {
        StringBuilder text = new StringBuilder();
        storeError.ifPresent(e -> text.append("store refuses writes since ").append(e.at()).append(": ")
                .append(e.message()).append("; "));
        journalError.ifPresent(e -> text.append("journal cannot take samples since ").append(e.at()).append(": ")
                .append(e.message()).append("; samples wait in memory and are dropped when the queue is full; "));
        if (dropped > 0) {
            text.append(dropped).append(" samples lost since start");
            text.append(evictedFromJournal > 0 ? " (" + evictedFromJournal + " of them the oldest journal segments "
                    + "dropped at its size cap); " : "; ");
        }
        text.append(pending).append(" samples waiting");
        if (backPressured > 0) {
            text.append("; collectors waited for a full queue ").append(backPressured).append(" times");
        }
        return text.toString();
    }
}
