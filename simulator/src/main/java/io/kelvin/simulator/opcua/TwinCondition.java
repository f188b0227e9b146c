package io.kelvin.simulator.opcua;

import io.kelvin.simulator.opcua.ConditionSnapshot.ShelvedState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;

/**
 * The state machine of one alarm condition of the twin as OPC UA Part 9 has a server keep it: the
 * trunk (the current state) and branches (earlier occurrences still waiting for acknowledgement, 4.4),
 * Acknowledge and Confirm by EventId (5.7.3, 5.7.4) and shelving (5.8.10). Each operation returns the
 * states whose events must be fired, in order, or throws the status code a server answers. Not
 * thread-safe: {@link TwinConditions} serialises calls.
 */
final class TwinCondition {

    private final String name;
    private final Duration maxTimeShelved;
    private final int namespaceIndex;
    private ConditionSnapshot trunk;
    private final Map<NodeId, ConditionSnapshot> branches = new LinkedHashMap<>();

    TwinCondition(String name, boolean confirmable, Duration maxTimeShelved, int namespaceIndex, int severity,
                  Instant now) {
        this.name = name;
        this.maxTimeShelved = maxTimeShelved;
        this.namespaceIndex = namespaceIndex;
        this.trunk = ConditionSnapshot.quiet(confirmable, severity, "", now);
    }

    String name() {
        return name;
    }

    ConditionSnapshot trunk() {
        return trunk;
    }

    List<ConditionSnapshot> branches() {
        return List.copyOf(branches.values());
    }

    /**
     * The fault is present. An earlier occurrence that was never acknowledged becomes a branch first, so
     * the operator can still acknowledge what they missed (4.4).
     */
    List<ConditionSnapshot> raise(int severity, String message, Instant now) {
        List<ConditionSnapshot> fired = new ArrayList<>();
        if (trunk.active()) {
            trunk = new ConditionSnapshot(trunk.branchId(), trunk.eventId(), now, true, trunk.acked(), trunk.confirmed(),
                    trunk.confirmable(), trunk.shelving(), trunk.unshelveAt(), severity, message, trunk.comment(),
                    trunk.user()).next(now);
            return List.of(trunk);
        }
        if (!trunk.acked()) {
            ConditionSnapshot branch = trunk.asBranch(new NodeId(namespaceIndex, UUID.randomUUID())).next(now);
            branches.put(branch.branchId(), branch);
            fired.add(branch);
        }
        trunk = trunk.activated(severity, message).next(now);
        fired.add(trunk);
        return fired;
    }

    /** The fault is gone: inactive, still retained while unacknowledged or unconfirmed. */
    List<ConditionSnapshot> clear(Instant now) {
        if (!trunk.active()) {
            return List.of();
        }
        trunk = trunk.deactivated().next(now);
        return List.of(trunk);
    }

    List<ConditionSnapshot> acknowledge(ByteString eventId, String comment, String user, Instant now) throws UaException {
        ConditionSnapshot target = byEventId(eventId);
        if (target.acked()) {
            throw new UaException(StatusCodes.Bad_ConditionBranchAlreadyAcked);
        }
        return replace(target, target.acknowledged(comment, user).next(now));
    }

    List<ConditionSnapshot> confirm(ByteString eventId, String comment, String user, Instant now) throws UaException {
        ConditionSnapshot target = byEventId(eventId);
        if (!target.confirmable()) {
            throw new UaException(StatusCodes.Bad_MethodInvalid);
        }
        if (target.confirmed()) {
            throw new UaException(StatusCodes.Bad_ConditionBranchAlreadyConfirmed);
        }
        return replace(target, target.confirmedBy(comment, user).next(now));
    }

    /** Part 9, 5.8.10.3: ShelvingTime in milliseconds, positive and at most MaxTimeShelved. */
    List<ConditionSnapshot> timedShelve(double millis, String comment, Instant now) throws UaException {
        if (!(millis > 0) || millis > maxTimeShelved.toMillis()) {
            throw new UaException(StatusCodes.Bad_ShelvingTimeOutOfRange);
        }
        if (trunk.shelving() == ShelvedState.TIMED) {
            throw new UaException(StatusCodes.Bad_ConditionAlreadyShelved);
        }
        Instant until = now.plusMillis((long) millis);
        trunk = trunk.shelved(ShelvedState.TIMED, Optional.of(until), comment).next(now);
        return List.of(trunk);
    }

    List<ConditionSnapshot> oneShotShelve(String comment, Instant now) throws UaException {
        if (trunk.shelving() == ShelvedState.ONE_SHOT) {
            throw new UaException(StatusCodes.Bad_ConditionAlreadyShelved);
        }
        trunk = trunk.shelved(ShelvedState.ONE_SHOT, Optional.empty(), comment).next(now);
        return List.of(trunk);
    }

    List<ConditionSnapshot> unshelve(String comment, Instant now) throws UaException {
        if (trunk.shelving() == ShelvedState.UNSHELVED) {
            throw new UaException(StatusCodes.Bad_ConditionNotShelved);
        }
        trunk = trunk.shelved(ShelvedState.UNSHELVED, Optional.empty(), comment).next(now);
        return List.of(trunk);
    }

    /** Ends a timed shelving whose time is up. */
    List<ConditionSnapshot> expireShelving(Instant now) {
        if (trunk.shelving() == ShelvedState.TIMED && trunk.unshelveAt().map(u -> !now.isBefore(u)).orElse(true)) {
            trunk = trunk.shelved(ShelvedState.UNSHELVED, Optional.empty(), "").next(now);
            return List.of(trunk);
        }
        return List.of();
    }

    /**
     * What a ConditionRefresh reports (5.5.7): every retained branch, and the trunk when it is retained
     * or has branches.
     */
    List<ConditionSnapshot> retained() {
        List<ConditionSnapshot> out = new ArrayList<>(branches.values());
        if (trunk.retain() || !branches.isEmpty()) {
            out.add(trunk);
        }
        return out;
    }

    private ConditionSnapshot byEventId(ByteString eventId) throws UaException {
        if (trunk.eventId().equals(eventId)) {
            return trunk;
        }
        return branches.values().stream().filter(b -> b.eventId().equals(eventId)).findFirst()
                .orElseThrow(() -> new UaException(StatusCodes.Bad_EventIdUnknown));
    }

    /** A branch that is no longer retained is reported once more (Retain False) and deleted (4.4). */
    private List<ConditionSnapshot> replace(ConditionSnapshot old, ConditionSnapshot updated) {
        if (!old.isBranch()) {
            trunk = updated;
        } else if (updated.retain()) {
            branches.put(updated.branchId(), updated);
        } else {
            branches.remove(updated.branchId());
        }
        return List.of(updated);
    }
}
