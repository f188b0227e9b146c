package io.kelvin.core.alarm;

import static io.kelvin.core.alarm.ConditionEvents.leak;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The state machine on device events: phases, history lines, who acted, and replayed events. */
class AlarmLifecycleTest {

    private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");
    private final AlarmLifecycle lifecycle = new AlarmLifecycle(InstantSource.fixed(T0), AlarmPolicy.DEFAULT);

    @Test
    void aNewActiveUnacknowledgedConditionIsRaisedWithTheDevicesWords() {
        AlarmLifecycle.Change change = onDevice(Optional.empty(), leak(T0).build());

        Alarm alarm = change.alarm();
        assertThat(alarm.phase()).isEqualTo(AlarmPhase.UNACKNOWLEDGED);
        assertThat(alarm.message()).isEqualTo("Leak detected at cdu-01");
        assertThat(alarm.severity()).isEqualTo(900);
        assertThat(alarm.raisedAt()).isEqualTo(T0);
        assertThat(change.transitions()).extracting(AlarmTransition::kind).containsExactly(Transition.RAISED);
    }

    @Test
    void anAckTheDeviceReportsWhileKelvinsAckIsUnderwayCarriesTheOperatorsNote() {
        Alarm raised = onDevice(Optional.empty(), leak(T0).build()).alarm();
        Note alice = new Note("alice", T0.plusSeconds(5), "valve closed", Note.Origin.KELVIN);
        AlarmLifecycle.Pending pending = new AlarmLifecycle.Pending(Optional.of(alice), Optional.empty(), Optional.empty(),
                Optional.empty());

        AlarmLifecycle.Change change = lifecycle.onDevice(Optional.of(raised), leak(T0.plusSeconds(5)).acked(true).event(2)
                .byUser("kelvin").build(), pending).orElseThrow();

        assertThat(change.alarm().phase()).isEqualTo(AlarmPhase.ACKNOWLEDGED);
        assertThat(change.alarm().marks().ackNote()).contains(alice);
        assertThat(change.transitions()).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(Transition.ACKNOWLEDGED);
            assertThat(t.note()).contains(alice);
        });
    }

    @Test
    void anAckFromAnotherClientOfTheDeviceIsRecordedAsTheDevicesWithItsUser() {
        Alarm raised = onDevice(Optional.empty(), leak(T0).build()).alarm();

        Alarm acked = onDevice(Optional.of(raised), leak(T0.plusSeconds(5)).acked(true).byUser("hmi-2").event(2).build()).alarm();

        assertThat(acked.marks().ackNote()).get().satisfies(n -> {
            assertThat(n.by()).isEqualTo("hmi-2");
            assertThat(n.origin()).isEqualTo(Note.Origin.DEVICE);
        });
    }

    @Test
    void aLeakThatDriesUnacknowledgedWaitsForAnAckAndIsClearedWhenTheDeviceDropsIt() {
        Alarm raised = onDevice(Optional.empty(), leak(T0).build()).alarm();
        AlarmLifecycle.Change dried = onDevice(Optional.of(raised), leak(T0.plusSeconds(60)).active(false).event(2).build());
        assertThat(dried.alarm().phase()).isEqualTo(AlarmPhase.RETURNED_UNACKNOWLEDGED);
        assertThat(dried.transitions()).extracting(AlarmTransition::kind).containsExactly(Transition.RETURNED_TO_NORMAL);

        // Part 9, 5.5.2: an inactive, acknowledged condition is no longer interesting, Retain goes false
        AlarmLifecycle.Change acked = onDevice(Optional.of(dried.alarm()),
                leak(T0.plusSeconds(90)).active(false).acked(true).retain(false).event(3).build());

        assertThat(acked.alarm().phase()).isEqualTo(AlarmPhase.CLEARED);
        assertThat(acked.transitions()).extracting(AlarmTransition::kind)
                .containsExactly(Transition.ACKNOWLEDGED, Transition.CLEARED);
    }

    @Test
    void aReplayedEventOlderThanTheKnownStateChangesNothing() {
        Alarm acked = onDevice(Optional.empty(), leak(T0.plusSeconds(10)).acked(true).build()).alarm();

        // Part 9, 4.5: a Refresh may deliver an older state after a newer one; the client keeps the newer
        Optional<AlarmLifecycle.Change> stale = lifecycle.onDevice(Optional.of(acked), leak(T0).refresh().build(),
                AlarmLifecycle.Pending.NONE);

        assertThat(stale).isEmpty();
    }

    @Test
    void aClearedConditionThatComesBackIsANewInstanceWithoutTheOldAcknowledgement() {
        Alarm cleared = onDevice(Optional.empty(), leak(T0).acked(true).build()).alarm().cleared(T0.plusSeconds(1));

        AlarmLifecycle.Change again = onDevice(Optional.of(cleared), leak(T0.plusSeconds(300)).event(9).build());

        assertThat(again.alarm().phase()).isEqualTo(AlarmPhase.UNACKNOWLEDGED);
        assertThat(again.alarm().marks().ackNote()).isEmpty();
        assertThat(again.alarm().raisedAt()).isEqualTo(T0.plusSeconds(300));
        assertThat(again.transitions()).extracting(AlarmTransition::kind).containsExactly(Transition.RAISED);
    }

    @Test
    void anActiveConditionStaysCurrentEvenWhenTheDeviceSendsRetainFalse() {
        Alarm raised = onDevice(Optional.empty(), leak(T0).build()).alarm();

        // node-opcua 2.186 sends Retain False with an acknowledged, still active alarm
        Alarm acked = onDevice(Optional.of(raised), leak(T0.plusSeconds(5)).acked(true).retain(false).event(2).build()).alarm();

        assertThat(acked.phase()).isEqualTo(AlarmPhase.ACKNOWLEDGED);
    }

    @Test
    void aNonRetainedEventOfAnUnknownAlarmRecordsNothing() {
        assertThat(lifecycle.onDevice(Optional.empty(), leak(T0).active(false).acked(true).retain(false).build(),
                AlarmLifecycle.Pending.NONE)).isEmpty();
    }

    @Test
    void aSeverityChangeAloneIsAnUpdateLine() {
        Alarm raised = onDevice(Optional.empty(), leak(T0).build()).alarm();

        AlarmLifecycle.Change change = onDevice(Optional.of(raised), leak(T0.plusSeconds(1)).severity(950).event(2).build());

        assertThat(change.transitions()).extracting(AlarmTransition::kind).containsExactly(Transition.UPDATED);
        assertThat(change.transitions().get(0).severity()).isEqualTo(950);
    }

    @Test
    void applyingAnAckTwiceRecordsItOnce() {
        Alarm raised = onDevice(Optional.empty(), leak(T0).build()).alarm();
        OperatorAction ack = new OperatorAction.Acknowledge("alice", "seen");
        Note note = lifecycle.noteFor(ack);

        AlarmLifecycle.Change first = lifecycle.apply(raised, ack, note);
        AlarmLifecycle.Change second = lifecycle.apply(first.alarm(), ack, note);

        assertThat(first.transitions()).extracting(AlarmTransition::kind).containsExactly(Transition.ACKNOWLEDGED);
        assertThat(first.alarm().marks().ackNote()).contains(note);
        assertThat(second.transitions()).isEmpty();
    }

    @Test
    void aTimedShelvingEndsTheAskedDurationAfterTheClocksNow() {
        Alarm raised = onDevice(Optional.empty(), leak(T0).shelving(Shelving.UNSHELVED).build()).alarm();
        OperatorAction shelve = new OperatorAction.Shelve("bob", Shelving.TIMED, Optional.of(java.time.Duration.ofHours(2)),
                "sensor replaced tomorrow");

        Alarm shelved = lifecycle.apply(raised, shelve, lifecycle.noteFor(shelve)).alarm();

        assertThat(shelved.marks().shelving()).isEqualTo(Shelving.TIMED);
        // the fixed clock reads T0: until = T0 + 2 h
        assertThat(shelved.marks().shelvedUntil()).contains(T0.plusSeconds(7200));
    }

    @Test
    void anAlarmTheRefreshDidNotReplayIsClearedByRefresh() {
        Alarm raised = onDevice(Optional.empty(), leak(T0).build()).alarm();

        AlarmLifecycle.Change change = lifecycle.clearedByRefresh(raised);

        assertThat(change.alarm().phase()).isEqualTo(AlarmPhase.CLEARED);
        assertThat(change.transitions()).extracting(AlarmTransition::kind).containsExactly(Transition.CLEARED_BY_REFRESH);
    }

    @Test
    void currentAlarmsListActiveFirstThenBySeverity() {
        Alarm returnedHigh = onDevice(Optional.empty(), leak(T0).active(false).severity(1000).build()).alarm();
        Alarm activeLow = onDevice(Optional.empty(), otherKey(leak(T0).severity(300))).alarm();
        Alarm activeHigh = onDevice(Optional.empty(), otherKey2(leak(T0).severity(800))).alarm();

        assertThat(List.of(returnedHigh, activeLow, activeHigh).stream().sorted(Alarm.DISPLAY_ORDER).toList())
                .containsExactly(activeHigh, activeLow, returnedHigh);
    }

    private AlarmLifecycle.Change onDevice(Optional<Alarm> before, ConditionEvent event) {
        return lifecycle.onDevice(before, event, AlarmLifecycle.Pending.NONE).orElseThrow();
    }

    private static ConditionEvent otherKey(ConditionEvents.Builder b) {
        return rekey(b.build(), "nsu=urn:kelvin:cdu;s=cdu-01/PumpFault");
    }

    private static ConditionEvent otherKey2(ConditionEvents.Builder b) {
        return rekey(b.build(), "nsu=urn:kelvin:cdu;s=cdu-01/HighTemp");
    }

    private static ConditionEvent rekey(ConditionEvent e, String conditionId) {
        ConditionHandle h = new ConditionHandle(AlarmKey.of(e.device(), conditionId), e.handle().eventId(),
                e.handle().shelvingNode());
        return new ConditionEvent(h, e.eventType(), e.sourceName(), e.conditionName(), e.severity(), e.message(),
                e.quality(), e.comment(), e.clientUserId(), e.states(), e.retain(), e.time(), e.receivedAt(), e.refresh());
    }
}
