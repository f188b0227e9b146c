package io.kelvin.core.alarm;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * The current state of one alarm instance (a device's condition, or one of its branches).
 * {@code sourceName}, {@code conditionName} and {@code message} are the device's words; {@code severity}
 * is 1..1000 (OPC UA Part 5, 6.4.2); {@code quality} the symbolic status of the condition's Quality
 * when not Good. {@code raisedAt} is the device time it last became active (or was first seen),
 * {@code changedAt} the device time of its newest event, {@code updatedAt} Kelvin's clock at the last
 * change. {@code retained} false means cleared: history only. Built and changed only by
 * {@link AlarmLifecycle}.
 */
public record Alarm(ConditionHandle handle, String eventType, String sourceName, String conditionName, int severity,
                    String message, Optional<String> quality, boolean enabled, boolean active, OperatorMarks marks,
                    boolean retained, Instant raisedAt, Instant changedAt, Instant updatedAt) {

    /**
     * The order of a current-alarm list: active first, unshelved before shelved, then by severity
     * (highest first), then newest change first; the key breaks ties so the order is total.
     */
    public static final Comparator<Alarm> DISPLAY_ORDER = Comparator
            .comparing((Alarm a) -> !a.phase().isActive())
            .thenComparing(a -> a.marks().shelving().isShelved())
            .thenComparing(Comparator.comparingInt(Alarm::severity).reversed())
            .thenComparing(Comparator.comparing(Alarm::changedAt).reversed())
            .thenComparing(a -> a.key().toString());

    public Alarm {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(conditionName, "conditionName");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(marks, "marks");
        Objects.requireNonNull(raisedAt, "raisedAt");
        Objects.requireNonNull(changedAt, "changedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (severity < 1 || severity > 1000) {
            throw new IllegalArgumentException("severity must be 1..1000, was " + severity);
        }
    }

    public AlarmKey key() {
        return handle.key();
    }

    public String device() {
        return handle.key().device();
    }

    /** Where the alarm stands; see {@link AlarmPhase}. */
    public AlarmPhase phase() {
        if (!retained) {
            return AlarmPhase.CLEARED;
        }
        boolean unacked = marks.ack() == AckState.UNACKNOWLEDGED;
        if (active) {
            return unacked ? AlarmPhase.UNACKNOWLEDGED : AlarmPhase.ACKNOWLEDGED;
        }
        if (unacked) {
            return AlarmPhase.RETURNED_UNACKNOWLEDGED;
        }
        return marks.confirm() == ConfirmState.UNCONFIRMED ? AlarmPhase.UNCONFIRMED : AlarmPhase.NORMAL;
    }

    Alarm with(OperatorMarks newMarks, Instant at) {
        return new Alarm(handle, eventType, sourceName, conditionName, severity, message, quality, enabled, active,
                newMarks, retained, raisedAt, changedAt, at);
    }

    Alarm cleared(Instant at) {
        return new Alarm(handle, eventType, sourceName, conditionName, severity, message, quality, enabled, active,
                marks, false, raisedAt, changedAt, at);
    }
}
