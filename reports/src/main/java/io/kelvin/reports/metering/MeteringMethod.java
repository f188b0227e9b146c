package io.kelvin.reports.metering;

/** How a meter's quantity over a period was obtained. */
public enum MeteringMethod {
    /** Differences of the meter's cumulative register (kWh, m3), with wraps and replacements applied. */
    COUNTER,
    /** The time integral of the meter's GOOD power (kW) or flow (L/min) samples. */
    INTEGRATED
}
