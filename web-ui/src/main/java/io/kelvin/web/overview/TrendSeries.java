package io.kelvin.web.overview;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Aligned history of a few points for the trend chart. {@code times} are the step starts; each
 * series has one value per time, {@code null} for a step without data (drawn as a gap).
 * {@code axis} 0 is the power axis (kW), 1 the ratio axis (PUE). {@code zone} is the
 * site's time zone, in which the chart labels the times.
 */
public record TrendSeries(List<Instant> times, List<Line> lines, ZoneId zone) {

    public record Line(String key, String label, String unit, int axis, List<Double> values) {
    }
}
