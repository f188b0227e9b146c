package io.kelvin.collectors;

import java.time.Duration;

/**
 * Capped exponential backoff between connection attempts: {@code wait_n = min(max, min x 2^n)},
 * n = failures since the last success. Not thread-safe: each connection owns one, on its own thread.
 */
public final class ReconnectBackoff {

    public static final Duration MIN_WAIT = Duration.ofSeconds(1);
    public static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final Duration min;
    private final Duration max;
    private int failures;

    public ReconnectBackoff(Duration min, Duration max) {
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("need 0 < min <= max, was " + min + ", " + max);
        }
        this.min = min;
        this.max = max;
    }

    public static ReconnectBackoff standard() {
        return new ReconnectBackoff(MIN_WAIT, MAX_WAIT);
    }

    /** Records a failed attempt and returns how long to wait before the next one. */
    public Duration failed() {
        long factor = 1L << Math.min(failures, 20);
        failures++;
        return Duration.ofMillis(Math.min(max.toMillis(), min.toMillis() * factor));
    }

    public void succeeded() {
        failures = 0;
    }

    public int failures() {
        return failures;
    }
}
