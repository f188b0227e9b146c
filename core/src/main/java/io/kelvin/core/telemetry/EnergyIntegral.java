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
     * Integrates GOOD mean power per step (as {@link TelemetryStore#goodMeans} returns it) over
     * {@code [from, to)}: {@code kwh = sum(mean_i * covered_i)} in hours, {@code covered = sum(covered_i)}
     * and the rest of the span is {@code gaps}. A step cut by {@code from} or {@code to} counts its
     * coverage up to the length of the part inside (a store already cuts the last step of a query at
     * the query's end, so integrating over the queried span is exact).
     */
    public static EnergyIntegral of(List<StepMean> steps, Duration step, Instant from, Instant to) {
        double kwh = 0;
        long coveredMs = 0;
        for (StepMean s : steps) {
            Instant start = s.time().isBefore(from) ? from : s.time();
            Instant stepEnd = s.time().plus(step);
            long insideMs = Duration.between(start, stepEnd.isBefore(to) ? stepEnd : to).toMillis();
            if (insideMs <= 0 || s.isGap()) {
                continue;
            }
            long covered = Math.min(s.covered().toMillis(), insideMs);
            kwh += s.mean() * covered / 3_600_000.0;
            coveredMs += covered;
        }
        long spanMs = Duration.between(from, to).toMillis();
        return new EnergyIntegral(kwh, Duration.ofMillis(coveredMs), Duration.ofMillis(Math.max(0, spanMs - coveredMs)));
    }

    /** Share of the period backed by data, 0..1. */
    public double completeness() {
        long total = covered.toMillis() + gaps.toMillis();
        return total == 0 ? 0.0 : (double) covered.toMillis() / total;
    }
}
