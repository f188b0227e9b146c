package io.kelvin.core.alarm;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The alarm state machine, pure apart from the injected clock. The device is the source of truth for a
 * condition's state variables (OPC UA Part 9, 5.5.2: each state change arrives as an event with the
 * whole state), so {@link #onDevice} takes the event's state and derives the history lines from what
 * changed; Kelvin adds who acted and their comment. {@link #check} rejects operator actions the
 * alarm's state does not allow, with a message; {@link #apply} records an action the device took.
 */
public final class AlarmLifecycle {

    /** The alarm after a change, and the history lines it adds (possibly none). */
    public record Change(Alarm alarm, List<AlarmTransition> transitions) {
        public Change {
            Objects.requireNonNull(alarm, "alarm");
            transitions = List.copyOf(transitions);
        }
    }

    /**
     * Notes of operator actions sent to the device whose result has not come back yet: when the
     * device's own event reports the new state first, the note of the operator who asked is used.
     */
    public record Pending(Optional<Note> ack, Optional<Note> confirm, Optional<Note> shelve,
                          Optional<Instant> shelvedUntil) {
        public static final Pending NONE = new Pending(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    private final InstantSource clock;
    private final ActionRules rules;

    public AlarmLifecycle(InstantSource clock, AlarmPolicy policy) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rules = new ActionRules(policy);
    }

    /**
     * The alarm after the device's event. Empty when nothing is to be recorded: a replayed event
     * older than what is known (Part 9, 4.5), or a non-retained event of an alarm that is unknown or
     * already cleared.
     */
    public Optional<Change> onDevice(Optional<Alarm> before, ConditionEvent event, Pending pending) {
        Optional<Alarm> live = before.filter(Alarm::retained);
        if (event.refresh() && before.isPresent() && event.time().isBefore(before.get().changedAt())) {
            return Optional.empty();
        }
        if (live.isEmpty() && !retained(event)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Alarm after = fromEvent(live, event, pending, now);
        return Optional.of(new Change(after, DeviceTransitions.between(live, after, event, now)));
    }

    /** Why {@code action} cannot be done to {@code alarm}, or empty when it may go to the device. */
    public Optional<ActionResult.Rejected> check(Alarm alarm, OperatorAction action) {
        return rules.check(alarm, action);
    }

    /** The operator's note for {@code action} at the clock's time. */
    public Note noteFor(OperatorAction action) {
        return new Note(action.operator(), clock.instant(), action.comment(), Note.Origin.KELVIN);
    }

    /**
     * Records an action the device accepted. When the device's event already showed the new state
     * (with this operator's note, see {@link Pending}), nothing more is recorded.
     */
    public Change apply(Alarm alarm, OperatorAction action, Note note) {
        OperatorMarks marks = alarm.marks();
        Instant now = clock.instant();
        return switch (action) {
            case OperatorAction.Acknowledge a -> marks.ack() == AckState.ACKNOWLEDGED ? unchanged(alarm)
                    : changed(alarm.with(marks.acknowledged(note), now), Transition.ACKNOWLEDGED, note, now);
            case OperatorAction.Confirm c -> marks.confirm() == ConfirmState.CONFIRMED ? unchanged(alarm)
                    : changed(alarm.with(marks.confirmed(note), now), Transition.CONFIRMED, note, now);
            case OperatorAction.Shelve s -> marks.shelving() == s.kind() ? unchanged(alarm)
                    : changed(alarm.with(marks.shelved(s.kind(), shelvedUntil(s, now), Optional.of(note)), now),
                            Transition.SHELVED, note, now);
            case OperatorAction.Unshelve u -> !marks.shelving().isShelved() ? unchanged(alarm)
                    : changed(alarm.with(marks.shelved(Shelving.UNSHELVED, Optional.empty(), Optional.empty()), now),
                            Transition.UNSHELVED, note, now);
        };
    }

    /** When a timed shelving asked now would end. */
    public static Optional<Instant> shelvedUntil(OperatorAction.Shelve shelve, Instant now) {
        return shelve.kind() == Shelving.TIMED ? shelve.duration().map(now::plus) : Optional.empty();
    }

    /** The alarm was not among those the device replayed after a reconnect: it ended while Kelvin was away. */
    public Change clearedByRefresh(Alarm alarm) {
        Instant now = clock.instant();
        Alarm cleared = alarm.cleared(now);
        return new Change(cleared, List.of(new AlarmTransition(alarm.key(), Transition.CLEARED_BY_REFRESH,
                cleared.phase(), alarm.severity(), alarm.message(), now, now, Optional.empty())));
    }

    private static Change unchanged(Alarm alarm) {
        return new Change(alarm, List.of());
    }

    private static Change changed(Alarm after, Transition kind, Note note, Instant now) {
        return new Change(after, List.of(new AlarmTransition(after.key(), kind, after.phase(), after.severity(),
                after.message(), now, now, Optional.of(note))));
    }

    private static Alarm fromEvent(Optional<Alarm> live, ConditionEvent e, Pending pending, Instant now) {
        ConditionStates s = e.states();
        Note fromDevice = new Note(e.clientUserId().filter(u -> !u.isBlank()).orElse(e.device()), now,
                e.comment().orElse(""), Note.Origin.DEVICE);
        Optional<OperatorMarks> was = live.map(Alarm::marks);
        AckState ack = s.acked().map(a -> a ? AckState.ACKNOWLEDGED : AckState.UNACKNOWLEDGED).orElse(AckState.NOT_REQUIRED);
        Optional<Note> ackNote = ack != AckState.ACKNOWLEDGED ? Optional.empty()
                : was.filter(m -> m.ack() == AckState.ACKNOWLEDGED).flatMap(OperatorMarks::ackNote)
                        .or(pending::ack).or(() -> Optional.of(fromDevice));
        ConfirmState confirm = s.confirmed().map(c -> c ? ConfirmState.CONFIRMED : ConfirmState.UNCONFIRMED)
                .orElse(ConfirmState.NOT_OFFERED);
        Optional<Note> confirmNote = confirm != ConfirmState.CONFIRMED ? Optional.empty()
                : was.filter(m -> m.confirm() == ConfirmState.CONFIRMED).flatMap(OperatorMarks::confirmNote)
                        .or(pending::confirm).or(() -> Optional.of(fromDevice));
        OperatorMarks marks = new OperatorMarks(ack, ackNote, confirm, confirmNote, s.shelving(), Optional.empty(),
                Optional.empty());
        if (s.shelving().isShelved()) {
            Optional<OperatorMarks> same = was.filter(m -> m.shelving() == s.shelving());
            marks = same.isPresent() ? marks.shelved(s.shelving(), same.get().shelvedUntil(), same.get().shelveNote())
                    : pending.shelve().isPresent() ? marks.shelved(s.shelving(), pending.shelvedUntil(), pending.shelve())
                    : marks.shelved(s.shelving(), Optional.empty(), Optional.of(fromDevice));
        }
        boolean newlyActive = s.active() && live.map(a -> !a.active()).orElse(true);
        Instant raisedAt = newlyActive ? e.time() : live.map(Alarm::raisedAt).orElse(e.time());
        return new Alarm(e.handle(), e.eventType(), e.sourceName(), e.conditionName(), e.severity(), e.message(),
                e.quality(), s.enabled(), s.active(), marks, retained(e), raisedAt, e.time(), now);
    }

    /**
     * Whether the alarm stays on the current list: the device's Retain (Part 9, 5.5.2), except that an
     * active condition always stays. Some servers send Retain False with an acknowledged but still active
     * alarm (node-opcua 2.186 does); an active leak must not vanish from the operator's list.
     */
    private static boolean retained(ConditionEvent e) {
        return e.retain() || e.states().active();
    }
}
