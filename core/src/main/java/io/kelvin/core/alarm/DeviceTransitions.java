package io.kelvin.core.alarm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The history lines one device event adds: what differs between the alarm before and after it. */
final class DeviceTransitions {

    private DeviceTransitions() {
    }

    static List<AlarmTransition> between(Optional<Alarm> live, Alarm after, ConditionEvent e, Instant now) {
        List<AlarmTransition> out = new ArrayList<>();
        if (live.isEmpty()) {
            out.add(line(after, after.active() ? Transition.RAISED : Transition.APPEARED, e, now, Optional.empty()));
            return out;
        }
        Alarm before = live.get();
        OperatorMarks was = before.marks();
        OperatorMarks is = after.marks();
        if (!before.active() && after.active()) {
            out.add(line(after, Transition.RAISED, e, now, Optional.empty()));
        }
        if (before.active() && !after.active()) {
            out.add(line(after, Transition.RETURNED_TO_NORMAL, e, now, Optional.empty()));
        }
        if (was.ack() != AckState.ACKNOWLEDGED && is.ack() == AckState.ACKNOWLEDGED) {
            out.add(line(after, Transition.ACKNOWLEDGED, e, now, is.ackNote()));
        }
        if (was.confirm() != ConfirmState.CONFIRMED && is.confirm() == ConfirmState.CONFIRMED) {
            out.add(line(after, Transition.CONFIRMED, e, now, is.confirmNote()));
        }
        if (is.shelving().isShelved() && was.shelving() != is.shelving()) {
            out.add(line(after, Transition.SHELVED, e, now, is.shelveNote()));
        }
        if (was.shelving().isShelved() && !is.shelving().isShelved()) {
            out.add(line(after, Transition.UNSHELVED, e, now, Optional.empty()));
        }
        if (before.enabled() != after.enabled()) {
            out.add(line(after, after.enabled() ? Transition.ENABLED : Transition.DISABLED, e, now, Optional.empty()));
        }
        if (!after.retained()) {
            out.add(line(after, Transition.CLEARED, e, now, Optional.empty()));
        }
        if (out.isEmpty() && (before.severity() != after.severity() || !before.message().equals(after.message()))) {
            out.add(line(after, Transition.UPDATED, e, now, Optional.empty()));
        }
        return out;
    }

    private static AlarmTransition line(Alarm after, Transition kind, ConditionEvent e, Instant now, Optional<Note> note) {
        return new AlarmTransition(after.key(), kind, after.phase(), after.severity(), after.message(), e.time(), now,
                note);
    }
}
