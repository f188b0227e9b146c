package io.kelvin.energyoptimizer.scenario;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** The scenario's clock: moves only when the runner advances it. */
final class SimClock implements InstantSource {

    private Instant now;

    SimClock(Instant start) {
        now = start;
    }

    void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
