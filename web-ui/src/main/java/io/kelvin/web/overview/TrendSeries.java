package io.kelvin.web.overview;

import java.time.Instant;
import java.util.List;

/**
 * Aligned history of a few points for the trend chart. {@code times} are the step starts; each
 * series has one value per time, {@code null} for a step without data (drawn as a gap).
 * {@code axis} 0 is the power axis (kW), 1 the ratio axis (PUE). {@code utcOffsetSeconds} is the
 * site's offset from UTC at the end of the window, so the chart can label times in site time.
 */
public record TrendSeries(List<Instant> times, List<Line> lines, int utcOffsetSeconds) {

    public record Line(String key, String label, String unit, int axis, List<Double> values) {
    }
}
