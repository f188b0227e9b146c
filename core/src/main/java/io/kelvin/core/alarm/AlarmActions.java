package io.kelvin.core.alarm;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

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

    /**
     * Actions carried out by whatever {@code target} supplies at the time of the call, so a desk can
     * be wired before the collectors it acts through have started (they need the desk as their sink).
     * Before {@code target} supplies anything, every action is answered as unreachable.
     */
    static AlarmActions via(Supplier<? extends AlarmActions> target) {
        return new AlarmActions() {
            @Override
            public DeviceAnswer acknowledge(ConditionHandle alarm, String comment) {
                return current().map(a -> a.acknowledge(alarm, comment)).orElse(NOT_STARTED);
            }

            @Override
            public DeviceAnswer confirm(ConditionHandle alarm, String comment) {
                return current().map(a -> a.confirm(alarm, comment)).orElse(NOT_STARTED);
            }

            @Override
            public DeviceAnswer shelve(ConditionHandle alarm, Shelving kind, Duration duration, String comment) {
                return current().map(a -> a.shelve(alarm, kind, duration, comment)).orElse(NOT_STARTED);
            }

            @Override
            public DeviceAnswer unshelve(ConditionHandle alarm, String comment) {
                return current().map(a -> a.unshelve(alarm, comment)).orElse(NOT_STARTED);
            }

            private Optional<AlarmActions> current() {
                return Optional.ofNullable(target.get());
            }
        };
    }

    /** The answer of {@link #via} before its target exists. */
    DeviceAnswer NOT_STARTED = new DeviceAnswer.Unreachable("the collectors have not started");
}
