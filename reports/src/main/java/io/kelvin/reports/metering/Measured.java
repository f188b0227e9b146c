package io.kelvin.reports.metering;

import java.time.Duration;

/**
 * A quantity measured over a span of time, in kWh (energy) or litres (water), with how much of the
 * span GOOD data covers. A gap is never filled: the amount covers {@code covered} only, so it is a
 * lower bound whenever {@code covered < span}.
 */
public record Measured(double amount, Duration covered, Duration span) {

    public static Measured nothing(Duration span) {
        return new Measured(0, Duration.ZERO, span);
    }

    /** Share of the span covered by GOOD data, 0..1. */
    public double coverage() {
        return span.isZero() ? 0 : Math.min(1.0, (double) covered.toMillis() / span.toMillis());
    }

    public Duration gaps() {
        return span.minus(covered).isNegative() ? Duration.ZERO : span.minus(covered);
    }
}
