package io.kelvin.core.alarm;

/** An alarm's confirmation (OPC UA Part 9, 5.7.2 ConfirmedState, optional on the device). */
public enum ConfirmState {
    /** The device has no ConfirmedState for this condition. */
    NOT_OFFERED,
    UNCONFIRMED,
    CONFIRMED
}
