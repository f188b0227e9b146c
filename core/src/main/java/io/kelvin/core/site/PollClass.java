package io.kelvin.core.site;

import java.time.Duration;

/** How often a point is read: power and flow values fast, temperatures normal, counters slow. */
public enum PollClass {
    FAST(Duration.ofSeconds(1)),
    NORMAL(Duration.ofSeconds(10)),
    SLOW(Duration.ofSeconds(60));

    private final Duration interval;

    PollClass(Duration interval) {
        this.interval = interval;
    }

    public Duration interval() {
        return interval;
    }
}
