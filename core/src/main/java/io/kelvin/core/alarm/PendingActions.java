package io.kelvin.core.alarm;

import java.util.Map;
import java.util.Optional;

/** Bookkeeping of the operator notes of actions on their way to the device (see {@link AlarmLifecycle.Pending}). */
final class PendingActions {

    private PendingActions() {
    }

    static AlarmLifecycle.Pending with(AlarmLifecycle.Pending p, OperatorAction action, Note note) {
        return switch (action) {
            case OperatorAction.Acknowledge a -> new AlarmLifecycle.Pending(Optional.of(note), p.confirm(), p.shelve(),
                    p.shelvedUntil());
            case OperatorAction.Confirm c -> new AlarmLifecycle.Pending(p.ack(), Optional.of(note), p.shelve(),
                    p.shelvedUntil());
            case OperatorAction.Shelve s -> new AlarmLifecycle.Pending(p.ack(), p.confirm(), Optional.of(note),
                    AlarmLifecycle.shelvedUntil(s, note.at()));
            case OperatorAction.Unshelve u -> p;
        };
    }

    static void without(Map<AlarmKey, AlarmLifecycle.Pending> pending, AlarmKey key, OperatorAction action) {
        AlarmLifecycle.Pending p = pending.get(key);
        if (p == null) {
            return;
        }
        AlarmLifecycle.Pending rest = switch (action) {
            case OperatorAction.Acknowledge a -> new AlarmLifecycle.Pending(Optional.empty(), p.confirm(), p.shelve(),
                    p.shelvedUntil());
            case OperatorAction.Confirm c -> new AlarmLifecycle.Pending(p.ack(), Optional.empty(), p.shelve(),
                    p.shelvedUntil());
            case OperatorAction.Shelve s -> new AlarmLifecycle.Pending(p.ack(), p.confirm(), Optional.empty(),
                    Optional.empty());
            case OperatorAction.Unshelve u -> p;
        };
        if (rest.equals(AlarmLifecycle.Pending.NONE)) {
            pending.remove(key);
        } else {
            pending.put(key, rest);
        }
    }
}
