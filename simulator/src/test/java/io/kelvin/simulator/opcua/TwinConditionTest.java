package io.kelvin.simulator.opcua;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.simulator.opcua.ConditionSnapshot.ShelvedState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.junit.jupiter.api.Test;

/** The twin's condition state machine answers as OPC UA Part 9 has a server answer. */
class TwinConditionTest {

    private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");
    private final TwinCondition leak = new TwinCondition("LeakDetected", true, Duration.ofHours(8), 2, 900, T0);

    @Test
    void aRaisedConditionIsActiveUnacknowledgedAndRetained() {
        ConditionSnapshot raised = only(leak.raise(900, "Leak", T0));

        assertThat(raised.active()).isTrue();
        assertThat(raised.acked()).isFalse();
        assertThat(raised.retain()).isTrue();
        assertThat(raised.branchId().isNull()).isTrue();
    }

    @Test
    void acknowledgeNeedsTheNewestEventIdAndRefusesASecondAck() throws UaException {
        ByteString first = only(leak.raise(900, "Leak", T0)).eventId();
        ByteString second = only(leak.raise(950, "Leak, more water", T0.plusSeconds(1))).eventId();

        assertThat(code(() -> leak.acknowledge(ByteString.of(new byte[] {1}), "", "op", T0))).isEqualTo(StatusCodes.Bad_EventIdUnknown);
        assertThat(code(() -> leak.acknowledge(first, "", "op", T0))).isEqualTo(StatusCodes.Bad_EventIdUnknown);
        ConditionSnapshot acked = only(leak.acknowledge(second, "valve closed", "alice", T0.plusSeconds(2)));
        // Part 9, 5.7.3: acknowledged, and a condition with ConfirmedState now waits for confirmation
        assertThat(acked.acked()).isTrue();
        assertThat(acked.confirmed()).isFalse();
        assertThat(acked.comment()).isEqualTo("valve closed");
        assertThat(acked.user()).isEqualTo("alice");
        assertThat(code(() -> leak.acknowledge(acked.eventId(), "", "bob", T0))).isEqualTo(StatusCodes.Bad_ConditionBranchAlreadyAcked);
    }

    @Test
    void anAcknowledgedConfirmedInactiveConditionIsNoLongerRetained() throws UaException {
        ConditionSnapshot raised = only(leak.raise(900, "Leak", T0));
        ConditionSnapshot acked = only(leak.acknowledge(raised.eventId(), "", "op", T0));
        ConditionSnapshot dry = only(leak.clear(T0.plusSeconds(60)));
        assertThat(dry.retain()).isTrue();

        ConditionSnapshot confirmed = only(leak.confirm(dry.eventId(), "dry again", "op", T0.plusSeconds(90)));

        assertThat(acked.retain()).isTrue();
        assertThat(confirmed.retain()).isFalse();
        assertThat(leak.retained()).isEmpty();
    }

    @Test
    void aConditionThatReturnsUnacknowledgedAndComesBackKeepsTheMissedOccurrenceAsABranch() throws UaException {
        leak.raise(900, "Leak", T0);
        leak.clear(T0.plusSeconds(10));

        List<ConditionSnapshot> again = leak.raise(900, "Leak again", T0.plusSeconds(20));

        // Part 9, 4.4: the earlier, unacknowledged state is kept as a branch with a BranchId of its own
        assertThat(again).hasSize(2);
        ConditionSnapshot branch = again.get(0);
        assertThat(branch.isBranch()).isTrue();
        assertThat(branch.active()).isFalse();
        assertThat(branch.acked()).isFalse();
        assertThat(again.get(1).active()).isTrue();
        assertThat(leak.retained()).hasSize(2);

        ConditionSnapshot ackedBranch = only(leak.acknowledge(branch.eventId(), "seen", "op", T0.plusSeconds(30)));
        ConditionSnapshot confirmedBranch = only(leak.confirm(ackedBranch.eventId(), "", "op", T0.plusSeconds(31)));
        // the branch is done: reported once with Retain False and dropped; the trunk stays unacknowledged
        assertThat(confirmedBranch.retain()).isFalse();
        assertThat(leak.branches()).isEmpty();
        assertThat(leak.trunk().acked()).isFalse();
    }

    @Test
    void shelvingRefusesWhatTheShelvedStateMachineForbids() throws UaException {
        leak.raise(900, "Leak", T0);

        // Part 9, 5.8.10.3: the shelving time must be positive and at most MaxTimeShelved (8 h here)
        assertThat(code(() -> leak.timedShelve(9 * 3_600_000.0, "", T0))).isEqualTo(StatusCodes.Bad_ShelvingTimeOutOfRange);
        assertThat(code(() -> leak.unshelve("", T0))).isEqualTo(StatusCodes.Bad_ConditionNotShelved);
        ConditionSnapshot shelved = only(leak.timedShelve(60_000, "sensor swap", T0));
        assertThat(shelved.shelving()).isEqualTo(ShelvedState.TIMED);
        assertThat(code(() -> leak.timedShelve(60_000, "", T0))).isEqualTo(StatusCodes.Bad_ConditionAlreadyShelved);

        assertThat(leak.expireShelving(T0.plusSeconds(59))).isEmpty();
        assertThat(only(leak.expireShelving(T0.plusSeconds(60))).shelving()).isEqualTo(ShelvedState.UNSHELVED);
    }

    @Test
    void aOneShotShelvingEndsWhenTheConditionReturnsToNormal() throws UaException {
        leak.raise(900, "Leak", T0);
        leak.oneShotShelve("known leak, being fixed", T0);

        assertThat(only(leak.clear(T0.plusSeconds(5))).shelving()).isEqualTo(ShelvedState.UNSHELVED);
    }

    private static ConditionSnapshot only(List<ConditionSnapshot> fired) {
        assertThat(fired).hasSize(1);
        return fired.get(0);
    }

    private interface Call {
        void run() throws UaException;
    }

    private static long code(Call call) {
        try {
            call.run();
        } catch (UaException e) {
            return e.getStatusCode().value();
        }
        throw new AssertionError("expected the server to refuse");
    }
}
