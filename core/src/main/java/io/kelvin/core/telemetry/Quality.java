package io.kelvin.core.telemetry;

/**
 * How far a sample's value can be trusted. Only {@link #GOOD} values feed KPIs and control without
 * a caveat; every other quality is kept and shown, never silently dropped.
 */
public enum Quality {
    /** The device answered and the value is inside the point's sane range. */
    GOOD,
    /** The device answered but flagged the value as doubtful (e.g. OPC UA Uncertain status). */
    UNCERTAIN,
    /** The device itself reported the value as bad (e.g. OPC UA Bad status, sensor fault bit). */
    BAD,
    /** No answer: timeout, connection refused, Modbus exception, malformed frame. */
    COMM_FAILED,
    /** The device answered with a value outside the point's sane range, or NaN / infinite. */
    OUT_OF_RANGE,
    /** The last value is older than the point's staleness limit. */
    STALE,
    /**
     * No sample: the poll cycle due at this time was skipped because acquisition was overloaded (the
     * previous poll, or the store taking its samples, ran past the tick). A marker on the samples' time
     * grid with a {@code NaN} value, so stored history shows the gap and says why; never data. The
     * live snapshot ({@link LatestValues}) keeps the newest reading instead, whose age
     * {@link Freshness} judges.
     */
    POLL_OVERRUN;

    public boolean isGood() {
        return this == GOOD;
    }

    /** Whether this marks a skipped poll cycle rather than a reading of the point. */
    public boolean isPollOverrun() {
        return this == POLL_OVERRUN;
    }
}
