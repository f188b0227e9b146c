package io.kelvin.testkit.alarm;

import io.kelvin.core.alarm.AlarmActions;
import io.kelvin.core.alarm.ConditionHandle;
import io.kelvin.core.alarm.DeviceAnswer;
import io.kelvin.core.alarm.Shelving;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A device's side of alarm actions for tests of what calls them: every call is recorded with what it
 * carried, answered with {@link #answer(DeviceAnswer)} (accepted by default), and may first run a
 * reaction, e.g. the device's own event reporting the new state before the call returns.
 */
public final class RecordingAlarmActions implements AlarmActions {

    /** One call the device received. {@code duration} is zero except for a timed shelving. */
    public record Call(String method, ConditionHandle alarm, String comment, Shelving kind, Duration duration) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile DeviceAnswer answer = DeviceAnswer.ACCEPTED;
    private volatile Consumer<Call> reaction = call -> {
    };

    public RecordingAlarmActions answer(DeviceAnswer next) {
        this.answer = next;
        return this;
    }

    /** Runs before each call is answered, on the caller's thread. */
    public RecordingAlarmActions reacting(Consumer<Call> next) {
        this.reaction = next;
        return this;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public DeviceAnswer acknowledge(ConditionHandle alarm, String comment) {
        return record(new Call("Acknowledge", alarm, comment, Shelving.UNSHELVED, Duration.ZERO));
    }

    @Override
    public DeviceAnswer confirm(ConditionHandle alarm, String comment) {
        return record(new Call("Confirm", alarm, comment, Shelving.UNSHELVED, Duration.ZERO));
    }

    @Override
    public DeviceAnswer shelve(ConditionHandle alarm, Shelving kind, Duration duration, String comment) {
        return record(new Call(kind == Shelving.TIMED ? "TimedShelve" : "OneShotShelve", alarm, comment, kind,
                kind == Shelving.TIMED ? duration : Duration.ZERO));
    }

    @Override
    public DeviceAnswer unshelve(ConditionHandle alarm, String comment) {
        return record(new Call("Unshelve", alarm, comment, Shelving.UNSHELVED, Duration.ZERO));
    }

    private DeviceAnswer record(Call call) {
        calls.add(call);
        reaction.accept(call);
        return answer;
    }
}
