package io.kelvin.core.alarm;

import java.util.Objects;
import java.util.Optional;

/**
 * The state variables of a condition as the device reported them (OPC UA Part 9: EnabledState/Id 5.5.2,
 * ActiveState/Id 5.8.2, AckedState/Id and ConfirmedState/Id 5.7.2, ShelvingState/CurrentState 5.8.10).
 * {@code acked} is empty for a condition that cannot be acknowledged, {@code confirmed} for one
 * without a ConfirmedState; {@code active} is false for a condition that is not an alarm.
 */
public record ConditionStates(boolean enabled, boolean active, Optional<Boolean> acked, Optional<Boolean> confirmed,
                              Shelving shelving) {

    public ConditionStates {
        Objects.requireNonNull(acked, "acked");
        Objects.requireNonNull(confirmed, "confirmed");
        Objects.requireNonNull(shelving, "shelving");
    }

    /** An enabled, unshelved alarm that cannot be confirmed: the common case in tests. */
    public static ConditionStates of(boolean active, boolean acked) {
        return new ConditionStates(true, active, Optional.of(acked), Optional.empty(), Shelving.NOT_OFFERED);
    }
}
