package io.kelvin.core.alarm;

/**
 * Where an alarm stands for the operator, derived from the device's state variables and Kelvin's view
 * of them (the alarm states of ISA-18.2 / IEC 62682, as OPC UA Part 9, Annex E maps them). Shelving is
 * orthogonal and kept beside it.
 */
public enum AlarmPhase {
    /** Active and waiting for an acknowledgement. */
    UNACKNOWLEDGED,
    /** Active, and acknowledged or needing no acknowledgement. */
    ACKNOWLEDGED,
    /** Back to normal but never acknowledged (OPC UA: inactive, AckedState false, Retain true). */
    RETURNED_UNACKNOWLEDGED,
    /** Back to normal and acknowledged, waiting for the operator's confirmation (Part 9, 5.7.4). */
    UNCONFIRMED,
    /** Inactive with nothing pending, yet still retained by the device. */
    NORMAL,
    /** The device no longer retains it: history only. */
    CLEARED;

    public boolean isActive() {
        return this == UNACKNOWLEDGED || this == ACKNOWLEDGED;
    }

    /** Whether the alarm still belongs in the current alarm list. */
    public boolean isCurrent() {
        return this != CLEARED;
    }
}
