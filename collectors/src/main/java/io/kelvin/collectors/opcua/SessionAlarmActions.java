package io.kelvin.collectors.opcua;

import io.kelvin.core.alarm.AlarmActions;
import io.kelvin.core.alarm.ConditionHandle;
import io.kelvin.core.alarm.DeviceAnswer;
import io.kelvin.core.alarm.Shelving;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One OPC UA device's alarm methods, called on its current session ({@link ConditionMethods}); without
 * a session every action is answered as unreachable, never queued for later.
 */
final class SessionAlarmActions implements AlarmActions {

    private final Supplier<Optional<ConditionMethods>> session;

    SessionAlarmActions(Supplier<Optional<ConditionMethods>> session) {
        this.session = session;
    }

    @Override
    public DeviceAnswer acknowledge(ConditionHandle alarm, String comment) {
        return on(alarm, methods -> methods.acknowledge(alarm, comment));
    }

    @Override
    public DeviceAnswer confirm(ConditionHandle alarm, String comment) {
        return on(alarm, methods -> methods.confirm(alarm, comment));
    }

    @Override
    public DeviceAnswer shelve(ConditionHandle alarm, Shelving kind, Duration duration, String comment) {
        return on(alarm, methods -> methods.shelve(alarm, kind, duration, comment));
    }

    @Override
    public DeviceAnswer unshelve(ConditionHandle alarm, String comment) {
        return on(alarm, methods -> methods.unshelve(alarm, comment));
    }

    private DeviceAnswer on(ConditionHandle alarm, Function<ConditionMethods, DeviceAnswer> call) {
        return session.get().map(call)
                .orElseGet(() -> new DeviceAnswer.Unreachable(alarm.key().device() + " is not connected"));
    }
}
