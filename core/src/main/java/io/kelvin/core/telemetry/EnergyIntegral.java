package io.kelvin.core.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The energy of a power point over a period: the time integral of its GOOD power in kWh.
 * {@code covered} is how much of the period had GOOD data; the rest is {@code gaps}, disclosed and
 * not interpolated over, so {@code kwh} is a lower bound whenever {@code gaps} is not zero.
 *
 * <p>The same integral serves any rate: a flow in L/min integrates to "L/min x h" (times 60 for
 * litres). {@link #of} is the one formula every store and the reports engine use.
 */
public record EnergyIntegral(double kwh, Duration covered, Duration gaps) {

    /** Steps for spans up to {@link #FINE_SPAN}: fine enough to see a 1-minute outage. */
    public static final Duration FINE_STEP = Duration.ofMinutes(1);
    /** Steps for longer spans: the embedded store's 35-day archive resolution. */
    public static final Duration COARSE_STEP = Duration.ofMinutes(15);
    public static final Duration FINE_SPAN = Duration.ofDays(7);

    /** Nothing measured over {@code period}: all of it is a gap. */
    public static EnergyIntegral none(Duration period) {
        return new EnergyIntegral(0, Duration.ZERO, period);
    }

    /** 1 min for spans up to 7 days (at most 10,080 steps), 15 min beyond. */
    public static Duration stepFor(Instant from, Instant to) {
        return Duration.between(from, to).compareTo(FINE_SPAN) <= 0 ? FINE_STEP : COARSE_STEP;
    }

    /**
     * Integrates mean power per step (as {@link TelemetryStore#goodMeans} returns it) up to
     * {@code to}: {@code kwh = sum(meanKw_i * hours_i)} over steps with data and
     * {@code gaps = sum(hours_i)} over steps without; the last step counts only up to {@code to}.
     */
    public static EnergyIntegral of(List<TimeValue> meanKwPerStep, Duration step, Instant to) {
        return of(meanKwPerStep, step, Instant.MIN, to);
    }

    /**
     * The same integral over {@code [from, to)} only: each step counts for the part of it inside
     * that span, so steps need not start at {@code from}.
     */
    public static EnergyIntegral of(List<TimeValue> meanKwPerStep, Duration step, Instant from, Instant to) {
        double kwh = 0;
        long coveredMs = 0;
        long gapMs = 0;
        for (TimeValue tv : meanKwPerStep) {
            Instant start = tv.time().isBefore(from) ? from : tv.time();
            Instant stepEnd = tv.time().plus(step);
            long lengthMs = Duration.between(start, stepEnd.isBefore(to) ? stepEnd : to).toMillis();
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

    /** Share of the period backed by data, 0..1. */
    public double completeness() {
        long total = covered.toMillis() + gaps.toMillis();
        return total == 0 ? 0.0 : (double) covered.toMillis() / total;
    }
}
