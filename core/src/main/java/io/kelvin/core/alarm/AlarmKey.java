package io.kelvin.core.alarm;

import java.util.Objects;
import java.util.Optional;

/**
 * Who an alarm is: the device that raised it, the device's own identifier of the condition (OPC UA:
 * the ConditionId, written as a node id with its namespace URI, e.g. {@code nsu=urn:acme:cdu;s=Leak},
 * so it survives a server restart that renumbers namespaces), and the condition branch when the
 * device keeps earlier states of the condition as branches (OPC UA Part 9, 4.4). A branch is an
 * alarm instance of its own until it is acknowledged and the device drops it.
 */
public record AlarmKey(String device, String conditionId, Optional<String> branchId) {

    public AlarmKey {
        requireText(device, "device");
        requireText(conditionId, "conditionId");
        Objects.requireNonNull(branchId, "branchId");
        branchId.ifPresent(b -> requireText(b, "branchId"));
    }

    /** The condition itself (its trunk), not one of its branches. */
    public static AlarmKey of(String device, String conditionId) {
        return new AlarmKey(device, conditionId, Optional.empty());
    }

    public boolean isBranch() {
        return branchId.isPresent();
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    /** {@code device/conditionId}, with {@code #branchId} for a branch. */
    @Override
    public String toString() {
        return device + "/" + conditionId + branchId.map(b -> "#" + b).orElse("");
    }
}
