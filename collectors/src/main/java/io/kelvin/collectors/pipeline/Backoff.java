package io.kelvin.collectors.pipeline;

import java.time.Duration;

/** Capped exponential backoff: {@code wait_n = min(max, min * 2^n)}. Not thread-safe. */
final class Backoff {

    private final Duration min;
    private final Duration max;
    private int attempts;

    Backoff(Duration min, Duration max) {
        this.min = min;
        this.max = max;
    }

    /** The wait before the next retry; each call doubles it up to the cap. */
    Duration next() {
        long factor = 1L << Math.min(attempts, 30);
        attempts++;
        long millis = Math.min(max.toMillis(), Math.max(1, min.toMillis()) * factor);
        return Duration.ofMillis(millis);
    }

    int attempts() {
        return attempts;
    }

    void reset() {
        attempts = 0;
    }
}
