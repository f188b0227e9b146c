package io.kelvin.core.site;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The interval of each poll class for one profile: the {@link PollClass} defaults unless the
 * profile's {@code pollIntervals} overrides them. A point's own {@code pollInterval} wins over both.
 */
public record PollIntervals(Map<PollClass, Duration> intervals) {

    public static final Duration MIN = Duration.ofMillis(100);
    public static final Duration MAX = Duration.ofHours(1);
    public static final PollIntervals DEFAULTS = new PollIntervals(Map.of());

    public PollIntervals {
        intervals = Map.copyOf(intervals.isEmpty() ? Map.of() : new EnumMap<>(intervals));
    }

    public Duration of(PollClass pollClass) {
        return intervals.getOrDefault(pollClass, pollClass.interval());
    }

    /** How often {@code point} is read. */
    public Duration of(PointDef point) {
        return point.pollInterval().orElseGet(() -> of(point.pollClass()));
    }
}
