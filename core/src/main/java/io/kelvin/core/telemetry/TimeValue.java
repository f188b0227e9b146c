package io.kelvin.core.telemetry;

import java.time.Instant;

/**
 * One step of a range query: the step's start time and its aggregated value, or {@code NaN} when
 * the step holds no sample (a gap is shown as a gap, never interpolated).
 */
public record TimeValue(Instant time, double value) {

    public boolean isGap() {
        return Double.isNaN(value);
    }
}
