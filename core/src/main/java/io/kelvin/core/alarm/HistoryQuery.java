package io.kelvin.core.alarm;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A page of alarm history: optionally one device or one alarm, optionally recorded in
 * [{@code from}, {@code until}) (Kelvin's clock), skipping {@code offset} lines, at most {@code limit}.
 */
public record HistoryQuery(Optional<String> device, Optional<AlarmKey> key, Optional<Instant> from,
                           Optional<Instant> until, int offset, int limit) {

    public static final int MAX_LIMIT = 1000;

    public HistoryQuery {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be at least 0, was " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", was " + limit);
        }
    }

    /** The newest {@code limit} lines of every alarm. */
    public static HistoryQuery newest(int limit) {
        return new HistoryQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0, limit);
    }

    public static HistoryQuery of(AlarmKey key, int limit) {
        return new HistoryQuery(Optional.empty(), Optional.of(key), Optional.empty(), Optional.empty(), 0, limit);
    }

    public HistoryQuery page(int newOffset, int newLimit) {
        return new HistoryQuery(device, key, from, until, newOffset, newLimit);
    }

    /** Whether {@code line} is one this query asks for (paging aside). */
    public boolean matches(AlarmTransition line) {
        return device.map(d -> d.equals(line.key().device())).orElse(true)
                && key.map(k -> k.equals(line.key())).orElse(true)
                && from.map(f -> !line.recordedAt().isBefore(f)).orElse(true)
                && until.map(u -> line.recordedAt().isBefore(u)).orElse(true);
    }
}
