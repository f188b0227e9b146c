package io.kelvin.core.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored audit record: its place in the chain ({@code seq}, 1 for the first), the time it was
 * recorded ({@code at}, UTC, whole milliseconds so it survives any database), the entry, the hash of
 * the record before it ({@code previousHash}, 64 zeros for the first) and its own {@code hash}
 * (SHA-256, lower-case hex, over the previous hash and the canonical encoding of this record).
 */
public record AuditRecord(long seq, Instant at, AuditEntry entry, String previousHash, String hash) {

    public AuditRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
        if (seq < 1) {
            throw new IllegalArgumentException("seq: must be >= 1, was " + seq);
        }
    }
}
