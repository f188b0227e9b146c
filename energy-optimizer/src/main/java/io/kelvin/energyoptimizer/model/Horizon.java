package io.kelvin.energyoptimizer.model;

import java.time.Duration;
import java.time.Instant;

/** A planning horizon: {@code slots} slots of {@code slotLength} from {@code start} (slot 0). */
public record Horizon(Instant start, int slots, Duration slotLength) {

    public static final Duration QUARTER_HOUR = Duration.ofMinutes(15);

    public Horizon {
        if (slots <= 0) {
            throw new IllegalArgumentException("horizon needs at least one slot");
        }
    }

    public static Horizon quarterHours(Instant start, int slots) {
        return new Horizon(start, slots, QUARTER_HOUR);
    }

    public double slotHours() {
        return slotLength.toSeconds() / 3600.0;
    }

    public Instant slotStart(int slot) {
        return start.plus(slotLength.multipliedBy(slot));
    }
}
