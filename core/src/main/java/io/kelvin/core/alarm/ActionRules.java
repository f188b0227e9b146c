package io.kelvin.core.alarm;

import java.time.Duration;
import java.util.Optional;

/**
 * Which operator actions an alarm allows, as OPC UA Part 9 has the device refuse them (5.7.3
 * Bad_ConditionBranchAlreadyAcked, 5.7.4 Bad_ConditionBranchAlreadyConfirmed, 5.5.4
 * Bad_ConditionDisabled, 5.8.10 Bad_ConditionAlreadyShelved / Bad_ConditionNotShelved /
 * Bad_ShelvingTimeOutOfRange), checked before anything goes to the device, plus the checks of the
 * operator's own input (name, comment length, a shelving's reason, kind and duration: INVALID_INPUT). Pure: the answer is a message naming what is wrong, or empty.
 */
final class ActionRules {

    private final AlarmPolicy policy;

    ActionRules(AlarmPolicy policy) {
        this.policy = policy;
    }

    Optional<ActionResult.Rejected> check(Alarm alarm, OperatorAction action) {
        Optional<String> input = checkInput(action);
        if (input.isPresent()) {
            return input.map(reason -> new ActionResult.Rejected(ActionResult.Kind.INVALID_INPUT, reason));
        }
        return checkState(alarm, action)
                .map(reason -> new ActionResult.Rejected(ActionResult.Kind.NOT_ALLOWED,
                        "cannot " + action.verb() + " " + describe(alarm) + ": " + reason));
    }

    private Optional<String> checkState(Alarm alarm, OperatorAction action) {
        if (alarm.phase() == AlarmPhase.CLEARED) {
            return Optional.of("it is cleared; the device no longer holds it");
        }
        if (!alarm.enabled()) {
            return Optional.of("the condition is disabled on the device");
        }
        return switch (action) {
            case OperatorAction.Acknowledge a -> checkAcknowledge(alarm);
            case OperatorAction.Confirm c -> checkConfirm(alarm);
            case OperatorAction.Shelve s -> checkShelve(alarm, s);
            case OperatorAction.Unshelve u -> checkUnshelve(alarm);
        };
    }

    static String describe(Alarm alarm) {
        return "alarm '" + alarm.conditionName() + "' of " + alarm.sourceName() + " on " + alarm.device()
                + alarm.key().branchId().map(b -> " (branch " + b + ")").orElse("");
    }

    private Optional<String> checkInput(OperatorAction action) {
        if (action.operator().isBlank()) {
            return Optional.of("operator: must name who acts");
        }
        if (action.comment().length() > policy.maxCommentLength()) {
            return Optional.of("comment: at most " + policy.maxCommentLength() + " characters, was "
                    + action.comment().length());
        }
        if (action instanceof OperatorAction.Shelve shelve) {
            if (action.comment().isBlank()) {
                return Optional.of("comment: shelving needs a reason");
            }
            return checkShelveRequest(shelve).map(reason -> "duration: " + reason);
        }
        return Optional.empty();
    }

    private static Optional<String> checkAcknowledge(Alarm alarm) {
        OperatorMarks marks = alarm.marks();
        return switch (marks.ack()) {
            case NOT_REQUIRED -> Optional.of("the device does not ask for acknowledgement of it");
            case ACKNOWLEDGED -> Optional.of("it was already acknowledged" + by(marks.ackNote()));
            case UNACKNOWLEDGED -> Optional.empty();
        };
    }

    private static Optional<String> checkConfirm(Alarm alarm) {
        OperatorMarks marks = alarm.marks();
        return switch (marks.confirm()) {
            case NOT_OFFERED -> Optional.of("the device offers no confirmation for it");
            case CONFIRMED -> Optional.of("it was already confirmed" + by(marks.confirmNote()));
            case UNCONFIRMED -> marks.ack() == AckState.UNACKNOWLEDGED
                    ? Optional.of("it must be acknowledged first") : Optional.empty();
        };
    }

    private Optional<String> checkShelve(Alarm alarm, OperatorAction.Shelve shelve) {
        OperatorMarks marks = alarm.marks();
        return switch (marks.shelving()) {
            case NOT_OFFERED -> Optional.of("the device offers no shelving for it");
            case UNSHELVED -> Optional.empty();
            case TIMED, ONE_SHOT -> marks.shelving() == shelve.kind()
                    ? Optional.of("it is already shelved" + by(marks.shelveNote())
                            + marks.shelvedUntil().map(u -> " until " + u).orElse(""))
                    : Optional.empty();
        };
    }

    private Optional<String> checkShelveRequest(OperatorAction.Shelve shelve) {
        return switch (shelve.kind()) {
            case TIMED -> {
                Duration d = shelve.duration().orElse(Duration.ZERO);
                if (d.isNegative() || d.isZero()) {
                    yield Optional.of("a timed shelving needs a positive duration");
                }
                yield d.compareTo(policy.maxShelveTime()) > 0
                        ? Optional.of("a timed shelving may last at most " + policy.maxShelveTime() + ", asked " + d)
                        : Optional.empty();
            }
            case ONE_SHOT -> shelve.duration().isPresent()
                    ? Optional.of("a one-shot shelving lasts until the alarm returns to normal and takes no duration")
                    : Optional.empty();
            case UNSHELVED, NOT_OFFERED -> Optional.of("shelving kind must be TIMED or ONE_SHOT, was " + shelve.kind());
        };
    }

    private static Optional<String> checkUnshelve(Alarm alarm) {
        return switch (alarm.marks().shelving()) {
            case NOT_OFFERED -> Optional.of("the device offers no shelving for it");
            case UNSHELVED -> Optional.of("it is not shelved");
            case TIMED, ONE_SHOT -> Optional.empty();
        };
    }

    private static String by(Optional<Note> note) {
        return note.map(n -> " by " + n.by() + " at " + n.at()).orElse("");
    }
}
