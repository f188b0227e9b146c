package io.kelvin.core.telemetry;

import java.time.Duration;
import java.time.Instant;

/**
 * One step of a GOOD-data query: the step's start, the mean of the GOOD values in it, and how much
 * of the step they cover. A store that keeps time resolution finer than the step (rrd4j's recent
 * tiers) says exactly how long the GOOD data lasted; one that cannot (InfluxDB) counts a step with
 * any GOOD sample as covered whole. {@code covered} is zero, and {@code mean} NaN, for a gap.
 */
public record StepMean(Instant time, double mean, Duration covered) {

    public static StepMean gap(Instant time) {
        return new StepMean(time, Double.NaN, Duration.ZERO);
    }

    public boolean isGap() {
        return Double.isNaN(mean) || covered.isZero();
    }
}
