package io.kelvin.identity.audit;

import io.kelvin.core.identity.AuditEntry;
import io.kelvin.core.identity.AuditLog;
import io.kelvin.core.identity.AuditQuery;
import io.kelvin.core.identity.AuditRecord;
import io.kelvin.core.identity.AuditStore;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * The append-only, hash-chained audit trail over an {@link AuditStore}: each record gets the next seq,
 * the time (whole milliseconds), the previous record's hash and its own ({@link HashChain}). When
 * another process appended first (the seq is taken), it chains again onto the new last record.
 */
public final class AuditTrail implements AuditLog {

    private static final int MAX_TRIES = 20;

    private final AuditStore store;
    private final InstantSource clock;

    public AuditTrail(AuditStore store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public synchronized void record(AuditEntry entry) {
        append(entry);
    }

    /** Appends and returns the stored record. */
    public synchronized AuditRecord append(AuditEntry entry) {
        for (int attempt = 0; attempt < MAX_TRIES; attempt++) {
            Optional<AuditRecord> last = store.last();
            long seq = last.map(r -> r.seq() + 1).orElse(1L);
            String previous = last.map(AuditRecord::hash).orElse(HashChain.GENESIS);
            Instant at = Instant.ofEpochMilli(clock.millis());
            AuditRecord record = new AuditRecord(seq, at, entry, previous, HashChain.hash(previous, seq, at, entry));
            if (store.append(record)) {
                return record;
            }
        }
        throw new IllegalStateException("audit: could not append after " + MAX_TRIES + " tries (busy writers)");
    }

    public List<AuditRecord> search(AuditQuery query) {
        return store.search(query);
    }

    public long count(AuditQuery query) {
        return store.count(query);
    }

    /** Walks the whole chain; see {@link ChainVerifier}. */
    public ChainVerifier.Result verify() {
        return ChainVerifier.verify(store);
    }
}
