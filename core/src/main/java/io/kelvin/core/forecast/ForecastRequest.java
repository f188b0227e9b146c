package io.kelvin.core.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A forecast wanted for {@code slots} slots of {@code slotLength} from {@code start} (slot 0 covers
 * {@code [start, start + slotLength)}), for the site {@code siteId}. At most 30 days of slots, each from one
 * minute to one day long.
 */
public record ForecastRequest(String siteId, Instant start, Duration slotLength, int slots) {

    public static final Duration MAX_HORIZON = Duration.ofDays(30);

    public ForecastRequest {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(slotLength, "slotLength");
        if (slotLength.compareTo(Duration.ofMinutes(1)) < 0 || slotLength.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("slotLength must be 1 minute .. 1 day, was " + slotLength);
        }
        if (slots < 1 || slotLength.multipliedBy(slots).compareTo(MAX_HORIZON) > 0) {
            throw new IllegalArgumentException("slots must be 1.. and cover at most " + MAX_HORIZON + ", was " + slots);
        }
    }

    /** Quarter-hour slots, the planner's usual grid. */
    public static ForecastRequest quarterHours(String siteId, Instant start, int slots) {
        return new ForecastRequest(siteId, start, Duration.ofMinutes(15), slots);
    }

    public Instant slotStart(int slot) {
        return start.plus(slotLength.multipliedBy(slot));
    }

    public Instant end() {
        return slotStart(slots);
    }
}
