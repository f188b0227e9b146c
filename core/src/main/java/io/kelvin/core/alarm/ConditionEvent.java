package io.kelvin.core.alarm;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One event of a condition (OPC UA Part 9, 5.5.2 ConditionType and its subtypes), in the device's own
 * words: {@code sourceName} and {@code conditionName} name what raised it and which of its conditions
 * it is, {@code message} is the device's text, {@code quality} the symbolic name of the condition's
 * Quality when it is not Good (e.g. {@code BadSensorFailure}), {@code comment} the last comment the
 * device holds, {@code clientUserId} who last changed the condition on the device.
 * {@code severity} is 1..1000 (Part 5, 6.4.2). {@code time} is the device's time of the change,
 * {@code receivedAt} Kelvin's clock. {@code retain} false means the device no longer considers the
 * condition (or branch) interesting: the alarm is cleared. {@code refresh} is true for an event the
 * device replayed during a ConditionRefresh (Part 9, 5.5.7), which may be older than one already seen.
 */
public record ConditionEvent(ConditionHandle handle, String eventType, String sourceName, String conditionName,
                             int severity, String message, Optional<String> quality, Optional<String> comment,
                             Optional<String> clientUserId, ConditionStates states, boolean retain, Instant time,
                             Instant receivedAt, boolean refresh) implements DeviceEvent {

    public ConditionEvent {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(conditionName, "conditionName");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(clientUserId, "clientUserId");
        Objects.requireNonNull(states, "states");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (severity < 1 || severity > 1000) {
            throw new IllegalArgumentException("severity must be 1..1000, was " + severity);
        }
    }

    @Override
    public String device() {
        return handle.key().device();
    }

    public AlarmKey key() {
        return handle.key();
    }
}
