package io.kelvin.core.telemetry;

import java.time.Duration;

/**
 * The energy of a power point over a period: the time integral of its stored power in kWh.
 * {@code covered} is how much of the period had data; the rest is {@code gaps}, disclosed and not
 * interpolated over, so {@code kwh} is a lower bound whenever {@code gaps} is not zero.
 */
public record EnergyIntegral(double kwh, Duration covered, Duration gaps) {

    /** Share of the period backed by data, 0..1. */
    public double completeness() {
        long total = covered.toMillis() + gaps.toMillis();
        return total == 0 ? 0.0 : (double) covered.toMillis() / total;
    }
}
