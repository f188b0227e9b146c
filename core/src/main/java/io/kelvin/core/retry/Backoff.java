package io.kelvin.core.retry;

import java.time.Duration;
import java.util.Objects;

/**
 * Capped exponential backoff: the n-th wait (n counted from 0 since the last success) is
 * {@code min(max, min * 2^n)}. Deterministic (no jitter), so tests can assert exact waits. Not
 * thread-safe: one owner calls it.
 */
public final class Backoff {

    private final Duration min;
    private final Duration max;
    private int failures;

    public Backoff(Duration min, Duration max) {
        this.min = Objects.requireNonNull(min, "min");
        this.max = Objects.requireNonNull(max, "max");
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("need 0 < min <= max, was " + min + ", " + max);
        }
    }

    /** Records a failure and returns the wait before the next attempt. */
    public Duration next() {
        long factor = 1L << Math.min(failures, 30);
        failures++;
        long millis = Math.min(max.toMillis(), Math.multiplyExact(min.toMillis(), factor));
        return Duration.ofMillis(millis);
    }

    /** Failures since the last {@link #reset()}. */
    public int failures() {
        return failures;
    }

    /** After a success: the next failure waits {@code min} again. */
    public void reset() {
        failures = 0;
    }
}
