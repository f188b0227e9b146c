package io.kelvin.core.alarm;

/**
 * Where an alarm's shelving state machine stands (OPC UA Part 9, 5.8.10 ShelvedStateMachineType): a
 * shelved alarm is kept but taken out of the operator's way, for a time or until it next returns to
 * normal.
 */
public enum Shelving {
    /** The device offers no shelving for this alarm. */
    NOT_OFFERED,
    UNSHELVED,
    /** Shelved until a time (TimedShelve). */
    TIMED,
    /** Shelved until the alarm next returns to normal (OneShotShelve). */
    ONE_SHOT;

    public boolean isShelved() {
        return this == TIMED || this == ONE_SHOT;
    }
}
