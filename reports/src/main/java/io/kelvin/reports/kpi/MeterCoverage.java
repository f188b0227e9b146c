package io.kelvin.reports.kpi;

import io.kelvin.reports.metering.MeteringMethod;
import java.time.Duration;

/** How much of a span one meter's GOOD data covers, and how that meter was read. */
public record MeterCoverage(String meterId, MeteringMethod method, Duration covered, Duration span) {

    /** 0..1. */
    public double share() {
        return span.isZero() ? 0 : Math.min(1.0, (double) covered.toMillis() / span.toMillis());
    }
}
