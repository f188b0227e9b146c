package io.kelvin.collectors;

import io.kelvin.core.site.PointDef;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Quality;
import io.kelvin.core.telemetry.Sample;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Quality rules shared by both protocols. A value the device vouches for is GOOD when it is finite and
 * inside the point's sane range, else OUT_OF_RANGE with the value kept. A failed read yields
 * COMM_FAILED with NaN, because no value arrived; a poll cycle skipped under overload yields
 * POLL_OVERRUN markers with NaN at its grid time.
 */
public final class SampleRules {

    private SampleRules() {
    }

    /** GOOD or OUT_OF_RANGE for a value the device reported without a fault of its own. */
    public static Quality judge(PointDef point, double value) {
        return Double.isFinite(value) && point.range().contains(value) ? Quality.GOOD : Quality.OUT_OF_RANGE;
    }

    public static Sample answered(String device, PointDef point, double value, Instant sourceTime, Instant collectedAt) {
        return new Sample(PointId.of(device, point.name()), value, judge(point, value), sourceTime, collectedAt);
    }

    /**
     * Why a value the device vouched for is not GOOD, in Kelvin's words (the device gave none): empty
     * for any other quality.
     */
    public static Optional<String> reason(PointDef point, Sample sample) {
        if (sample.quality() != Quality.OUT_OF_RANGE) {
            return Optional.empty();
        }
        double v = sample.value();
        return Optional.of(Double.isFinite(v)
                ? "value " + v + " outside the sane range [" + point.range().min() + ", " + point.range().max() + "]"
                : "value " + v + " is not a finite number");
    }

    /**
     * The markers of one skipped poll cycle: for each point it would have read, no value and
     * {@link Quality#POLL_OVERRUN} at the cycle's grid time {@code tick}, collected at {@code at}.
     */
    public static List<Sample> pollOverrun(String device, List<PointDef> points, Instant tick, Instant at) {
        return points.stream()
                .map(p -> new Sample(PointId.of(device, p.name()), Double.NaN, Quality.POLL_OVERRUN, tick, at))
                .toList();
    }

    public static List<Sample> commFailed(String device, List<PointDef> points, Instant at) {
        return points.stream()
                .map(p -> new Sample(PointId.of(device, p.name()), Double.NaN, Quality.COMM_FAILED, at, at))
                .toList();
    }
}
