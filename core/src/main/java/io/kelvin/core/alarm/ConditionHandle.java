package io.kelvin.core.alarm;

import java.util.Objects;
import java.util.Optional;

/**
 * What a device needs to act on one of its alarms: the alarm's key (device, ConditionId, BranchId),
 * the newest EventId the device sent for it (OPC UA Acknowledge and Confirm name the state they act
 * on by EventId, Part 9, 5.7.3), and the node of its shelving state machine when the device offers
 * shelving (the object the shelving methods are called on, Part 9, 5.8.10).
 */
public record ConditionHandle(AlarmKey key, EventId eventId, Optional<String> shelvingNode) {

    public ConditionHandle {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(shelvingNode, "shelvingNode");
    }
}
