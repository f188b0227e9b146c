package io.kelvin.core.alarm;

import java.time.Duration;
import java.util.Objects;

/**
 * Which events become alarms and how far operators may go. {@code severityFloor} (1..1000): a condition
 * below it is not listed as a new alarm (a known alarm whose severity drops keeps being followed).
 * {@code maxShelveTime}: the longest timed shelving Kelvin asks of a device (the device may allow
 * less: OPC UA MaxTimeShelved, Part 9, 5.8.2). {@code maxCommentLength} bounds operator comments.
 */
public record AlarmPolicy(int severityFloor, Duration maxShelveTime, int maxCommentLength) {

    /** Every condition is an alarm; shelving up to 24 h; comments up to 1000 characters. */
    public static final AlarmPolicy DEFAULT = new AlarmPolicy(1, Duration.ofHours(24), 1000);

    public AlarmPolicy {
        Objects.requireNonNull(maxShelveTime, "maxShelveTime");
        if (severityFloor < 1 || severityFloor > 1000) {
            throw new IllegalArgumentException("severityFloor must be 1..1000, was " + severityFloor);
        }
        if (maxShelveTime.isNegative() || maxShelveTime.isZero()) {
            throw new IllegalArgumentException("maxShelveTime must be positive, was " + maxShelveTime);
        }
        if (maxCommentLength < 1) {
            throw new IllegalArgumentException("maxCommentLength must be at least 1, was " + maxCommentLength);
        }
    }

    public AlarmPolicy withSeverityFloor(int floor) {
        return new AlarmPolicy(floor, maxShelveTime, maxCommentLength);
    }

    /** Whether a condition event the desk has not seen before starts a new alarm. */
    public boolean admits(ConditionEvent event) {
        return event.severity() >= severityFloor;
    }
}
