package io.kelvin.core.alarm;

/** An alarm's acknowledgement (OPC UA Part 9, 5.7.2 AckedState), with who acknowledged it when it is. */
public enum AckState {
    /** The condition cannot be acknowledged (no AckedState, e.g. a plain ConditionType). */
    NOT_REQUIRED,
    UNACKNOWLEDGED,
    ACKNOWLEDGED
}
