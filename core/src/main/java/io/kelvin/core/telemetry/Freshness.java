package io.kelvin.core.telemetry;

import java.time.Duration;
import java.time.Instant;

/**
 * When a point's newest sample stops counting as current: once it was collected more than
 * {@code multiple} of the point's refresh interval (its poll interval, which is also how often a
 * subscribed point is re-asserted) ago. A value past that limit is {@link Quality#STALE}.
 */
public record Freshness(int multiple) {

    /** Three missed refreshes make a value stale. */
    public static final Freshness DEFAULT = new Freshness(3);

    public Freshness {
        if (multiple < 1) {
            throw new IllegalArgumentException("stale multiple must be at least 1, was " + multiple);
        }
    }

    /** How old a sample of a point refreshed every {@code interval} may be and still count as fresh. */
    public Duration limit(Duration interval) {
        return interval.multipliedBy(multiple);
    }

    /** Whether the sample was collected within the limit before {@code now}. */
    public boolean isFresh(Sample sample, Duration interval, Instant now) {
        return !sample.collectedAt().plus(limit(interval)).isBefore(now);
    }
}
