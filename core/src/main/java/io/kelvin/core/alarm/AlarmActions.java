package io.kelvin.core.alarm;

import java.time.Duration;

/**
 * Carries operator actions out on the device that holds the alarm (OPC UA Part 9: Acknowledge 5.7.3,
 * Confirm 5.7.4, TimedShelve / OneShotShelve / Unshelve 5.8.10, each with the operator's comment).
 * Implementations block until the device answered or a timeout passed, never throw for a device's
 * refusal or absence (that is a {@link DeviceAnswer}), and are safe for many threads.
 */
public interface AlarmActions {

    DeviceAnswer acknowledge(ConditionHandle alarm, String comment);

    DeviceAnswer confirm(ConditionHandle alarm, String comment);

    /** {@code kind} TIMED with {@code duration}, or ONE_SHOT (duration ignored). */
    DeviceAnswer shelve(ConditionHandle alarm, Shelving kind, Duration duration, String comment);

    DeviceAnswer unshelve(ConditionHandle alarm, String comment);
}
