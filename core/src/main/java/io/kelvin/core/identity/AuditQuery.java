package io.kelvin.core.identity;

import java.time.Instant;
import java.util.Optional;

/**
 * A page of the audit trail: records at or after {@code from} and before {@code to}, by one actor name
 * and of one kind when given, newest first, skipping {@code offset} and returning at most {@code limit}.
 */
public record AuditQuery(Optional<Instant> from, Optional<Instant> to, Optional<String> actor,
                         Optional<AuditKind> kind, int offset, int limit) {

    public static final int MAX_LIMIT = 1000;

    public AuditQuery {
        if (offset < 0) {
            throw new IllegalArgumentException("offset: must be >= 0, was " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit: must be 1.." + MAX_LIMIT + ", was " + limit);
        }
        if (from.isPresent() && to.isPresent() && !to.get().isAfter(from.get())) {
            throw new IllegalArgumentException("to: must be after from");
        }
    }

    public static AuditQuery newest(int limit) {
        return new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0, limit);
    }
}
