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
    STALE;

    public boolean isGood() {
        return this == GOOD;
    }
}
