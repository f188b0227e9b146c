package io.kelvin.collectors.store;

import io.kelvin.core.telemetry.EnergyIntegral;
import io.kelvin.core.telemetry.TimeValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Energy from stored power, the same way for every store: the period is cut into steps, each
 * step's mean power (kW) times its length (h) is its energy (kWh), and a step without data is a
 * gap: {@code kwh = sum(meanKw_i * hours_i)} over steps with data, {@code gaps = sum(length_i)}
 * over steps without. Gaps are disclosed, never interpolated, so the result is a lower bound.
 */
public final class EnergyIntegration {

    /** Steps for spans up to {@link #FINE_SPAN}: fine enough to see a 1-minute outage. */
    public static final Duration FINE_STEP = Duration.ofMinutes(1);
    /** Steps for longer spans: the embedded store's 400-day archive resolution. */
    public static final Duration COARSE_STEP = Duration.ofMinutes(15);
    public static final Duration FINE_SPAN = Duration.ofDays(7);

    private EnergyIntegration() {
    }

    /** 1 min for spans up to 7 days (at most 10,080 steps), 15 min beyond. */
    public static Duration stepFor(Instant from, Instant to) {
        return Duration.between(from, to).compareTo(FINE_SPAN) <= 0 ? FINE_STEP : COARSE_STEP;
    }

    /**
     * Integrates mean power per step (as a range query with MEAN returns it) up to {@code to}; the
     * last step counts only up to {@code to}.
     */
    public static EnergyIntegral integrate(List<TimeValue> meanKwPerStep, Duration step, Instant to) {
        double kwh = 0;
        long coveredMs = 0;
        long gapMs = 0;
        for (TimeValue tv : meanKwPerStep) {
            long lengthMs = Math.min(step.toMillis(), Duration.between(tv.time(), to).toMillis());
            if (lengthMs <= 0) {
                continue;
            }
            if (tv.isGap()) {
                gapMs += lengthMs;
            } else {
                kwh += tv.value() * lengthMs / 3_600_000.0;
                coveredMs += lengthMs;
            }
        }
        return new EnergyIntegral(kwh, Duration.ofMillis(coveredMs), Duration.ofMillis(gapMs));
    }
}
