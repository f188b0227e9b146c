package io.kelvin.core.identity;

/**
 * Port through which every module puts a change on record. The implementation stamps the time,
 * chains the record to the one before and stores it; callers need not know how. Recording never
 * throws for a valid entry unless the store is down ({@link IllegalStateException}), and a caller
 * whose action succeeded must not undo it because the audit store failed: it logs and goes on.
 */
@FunctionalInterface
public interface AuditLog {

    void record(AuditEntry entry);
}
