package io.kelvin.simulator.opcua;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;

/**
 * One state of a twin condition (its trunk, or one of its branches) as an event reports it (OPC UA
 * Part 9, 5.5.2). Every change gets a fresh EventId and time ({@link #next}). {@code branchId} is
 * {@link NodeId#NULL_VALUE} for the trunk. {@code unshelveAt} is set while timed-shelved.
 */
record ConditionSnapshot(NodeId branchId, ByteString eventId, Instant time, boolean active, boolean acked,
                         boolean confirmed, boolean confirmable, ShelvedState shelving, Optional<Instant> unshelveAt,
                         int severity, String message, String comment, String user) {

    /** The shelving state machine's state (Part 9, 5.8.10). */
    enum ShelvedState { UNSHELVED, TIMED, ONE_SHOT }

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A condition that has never been active: inactive, acknowledged, confirmed, so not retained. */
    static ConditionSnapshot quiet(boolean confirmable, int severity, String message, Instant now) {
        return new ConditionSnapshot(NodeId.NULL_VALUE, newEventId(), now, false, true, true, confirmable,
                ShelvedState.UNSHELVED, Optional.empty(), severity, message, "", "");
    }

    /**
     * Part 9, 5.5.2: Retain is True while the condition is interesting to a client: active, waiting
     * for acknowledgement, or waiting for confirmation.
     */
    boolean retain() {
        return active || !acked || (confirmable && !confirmed);
    }

    boolean isBranch() {
        return !branchId.isNull();
    }

    ConditionSnapshot next(Instant now) {
        return new ConditionSnapshot(branchId, newEventId(), now, active, acked, confirmed, confirmable, shelving,
                unshelveAt, severity, message, comment, user);
    }

    ConditionSnapshot activated(int newSeverity, String newMessage) {
        return new ConditionSnapshot(branchId, eventId, time, true, false, true, confirmable, shelving, unshelveAt,
                newSeverity, newMessage, "", "");
    }

    /** Back to normal; a one-shot shelving ends here (Part 9, 5.8.10). */
    ConditionSnapshot deactivated() {
        ShelvedState after = shelving == ShelvedState.ONE_SHOT ? ShelvedState.UNSHELVED : shelving;
        return new ConditionSnapshot(branchId, eventId, time, false, acked, confirmed, confirmable, after, unshelveAt,
                severity, message, comment, user);
    }

    /** Part 9, 5.7.3: acknowledging sets AckedState True and, where the condition has one, ConfirmedState False. */
    ConditionSnapshot acknowledged(String newComment, String byUser) {
        return new ConditionSnapshot(branchId, eventId, time, active, true, !confirmable, confirmable, shelving,
                unshelveAt, severity, message, newComment, byUser);
    }

    ConditionSnapshot confirmedBy(String newComment, String byUser) {
        return new ConditionSnapshot(branchId, eventId, time, active, acked, true, confirmable, shelving, unshelveAt,
                severity, message, newComment, byUser);
    }

    ConditionSnapshot shelved(ShelvedState state, Optional<Instant> until, String newComment) {
        return new ConditionSnapshot(branchId, eventId, time, active, acked, confirmed, confirmable, state, until,
                severity, message, newComment.isEmpty() ? comment : newComment, user);
    }

    ConditionSnapshot asBranch(NodeId id) {
        return new ConditionSnapshot(id, newEventId(), time, active, acked, confirmed, confirmable, shelving, unshelveAt,
                severity, message, comment, user);
    }

    private static ByteString newEventId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return ByteString.of(bytes);
    }
}
