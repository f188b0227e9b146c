package io.kelvin.core.identity;

import java.util.List;
import java.util.Optional;

/**
 * Port to the append-only table behind the audit trail. Records are only ever added; the store never
 * updates or deletes one. Several processes may append at once (the app and the command line): a
 * record whose {@code seq} is taken is refused, and the caller chains again onto the new last record.
 */
public interface AuditStore {

    /** The record with the highest seq, if any. */
    Optional<AuditRecord> last();

    /** Adds the record; false (and nothing stored) when its seq is taken. */
    boolean append(AuditRecord record);

    /** Records with seq greater than {@code afterSeq}, in seq order, at most {@code limit}: the chain, for verification. */
    List<AuditRecord> chain(long afterSeq, int limit);

    /** A page of records matching the query, newest first. */
    List<AuditRecord> search(AuditQuery query);

    /** How many records match the query's filters (ignoring offset and limit). */
    long count(AuditQuery query);
}
