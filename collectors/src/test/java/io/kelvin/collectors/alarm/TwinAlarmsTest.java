package io.kelvin.collectors.alarm;

import static io.kelvin.collectors.alarm.TwinCduRig.CDU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kelvin.core.alarm.ActionResult;
import io.kelvin.core.alarm.Alarm;
import io.kelvin.core.alarm.AlarmPhase;
import io.kelvin.core.alarm.AlarmTransition;
import io.kelvin.core.alarm.ConditionEvent;
import io.kelvin.core.alarm.DeviceEvent;
import io.kelvin.core.alarm.HistoryQuery;
import io.kelvin.core.alarm.Note;
import io.kelvin.core.alarm.Shelving;
import io.kelvin.core.alarm.Transition;
import io.kelvin.core.device.DeviceInfo;
import io.kelvin.core.site.OpcUaSettings;
import io.kelvin.core.site.OpcUaSettings.AcquisitionMode;
import io.kelvin.core.site.OpcUaSettings.MessageMode;
import io.kelvin.core.site.OpcUaSettings.Policy;
import io.kelvin.simulator.TwinAlarm;
import io.kelvin.simulator.TwinAlarmState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alarms of the twin's CDU, a real Milo server with AlarmConditionType conditions, through the
 * collector's OPC UA client into the alarm desk: received with their state, acknowledged and confirmed
 * through the device's methods, shelved, replayed by ConditionRefresh on a new session, branches, and
 * the server's own events kept out of the alarm list (OPC UA Part 9).
 */
class TwinAlarmsTest {

    @TempDir
    Path dir;

    private TwinCduRig rig;

    @AfterEach
    void stop() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void aLeakIsAcknowledgedOnTheDeviceWithTheOperatorsCommentOverASecuredSessionThenConfirmedAndCleared() throws Exception {
        Path password = Files.writeString(dir.resolve("cdu-password.txt"), "tw1n-secret\n");
        rig = TwinCduRig.start(dir, new OpcUaSettings(AcquisitionMode.SUBSCRIBE, new OpcUaSettings.Security(
                Policy.BASIC256SHA256, MessageMode.SIGN_AND_ENCRYPT, Optional.of("kelvin"), Optional.empty(),
                Optional.of(password), true))).connect();
        rig.twin.leak(CDU);

        Alarm raised = rig.await(TwinAlarm.LEAK, a -> a.phase() == AlarmPhase.UNACKNOWLEDGED);
        assertThat(raised.severity()).isEqualTo(TwinAlarm.LEAK.severity());
        assertThat(raised.message()).isEqualTo("Leak detected at cdu-01: water on the leak-detection rope");
        assertThat(raised.sourceName()).isEqualTo(CDU);

        ActionResult ack = rig.desk.acknowledge(raised.key(), "alice", "valve V-12 closed");

        assertThat(ack).isInstanceOf(ActionResult.Done.class);
        // the server holds the acknowledgement, the comment and the session's user (Part 9, 5.7.3)
        TwinAlarmState onServer = rig.twin.alarm(CDU, TwinAlarm.LEAK).orElseThrow();
        assertThat(onServer.acked()).isTrue();
        assertThat(onServer.comment()).isEqualTo("valve V-12 closed");
        assertThat(onServer.user()).isEqualTo("kelvin");
        Alarm acked = rig.await(TwinAlarm.LEAK, a -> a.phase() == AlarmPhase.ACKNOWLEDGED
                && rig.eventsOf(TwinAlarm.LEAK).stream().anyMatch(e -> e.states().acked().orElse(false)));
        assertThat(acked.marks().ackNote()).get().extracting(Note::by).isEqualTo("alice");
        assertThat(rig.desk.acknowledge(raised.key(), "bob", "")).isInstanceOf(ActionResult.Rejected.class);

        // dry again: inactive and acknowledged, the leak waits for confirmation (its ConfirmedState)
        rig.twin.leakCleared(CDU);
        Alarm dry = rig.await(TwinAlarm.LEAK, a -> a.phase() == AlarmPhase.UNCONFIRMED);
        assertThat(rig.desk.confirm(dry.key(), "alice", "floor dry")).isInstanceOf(ActionResult.Done.class);

        await().atMost(Duration.ofSeconds(15)).until(() -> rig.trunk(TwinAlarm.LEAK).isEmpty());
        assertThat(rig.store.find(raised.key())).get().extracting(Alarm::phase).isEqualTo(AlarmPhase.CLEARED);
        assertThat(rig.store.history(HistoryQuery.of(raised.key(), 20)).lines()).extracting(AlarmTransition::kind)
                .contains(Transition.RAISED, Transition.ACKNOWLEDGED, Transition.RETURNED_TO_NORMAL,
                        Transition.CONFIRMED, Transition.CLEARED);
    }

    @Test
    void aLeakRaisedBeforeKelvinConnectsArrivesThroughConditionRefresh() {
        rig = TwinCduRig.start(dir);
        rig.twin.leak(CDU);

        rig.connect();

        Alarm leak = rig.await(TwinAlarm.LEAK, a -> a.phase() == AlarmPhase.UNACKNOWLEDGED);
        assertThat(leak.key().device()).isEqualTo(CDU);
        // Part 9, 5.5.7: the retained condition is replayed between RefreshStart and RefreshEnd
        assertThat(rig.eventsOf(TwinAlarm.LEAK)).first().extracting(ConditionEvent::refresh).isEqualTo(true);
        assertThat(rig.events).anyMatch(DeviceEvent.RefreshStarted.class::isInstance)
                .anyMatch(DeviceEvent.RefreshEnded.class::isInstance);
    }

    @Test
    void onANewSessionAlarmsStillRetainedStayAndOnesClearedMeanwhileAreClearedByTheRefresh() {
        rig = TwinCduRig.start(dir).connect();
        rig.twin.leak(CDU);
        rig.twin.pumpFault(CDU);
        Alarm pump = rig.await(TwinAlarm.PUMP_FAULT, a -> a.phase() == AlarmPhase.UNACKNOWLEDGED);
        rig.await(TwinAlarm.LEAK, a -> a.phase() == AlarmPhase.UNACKNOWLEDGED);
        assertThat(rig.desk.acknowledge(pump.key(), "alice", "")).isInstanceOf(ActionResult.Done.class);
        rig.await(TwinAlarm.PUMP_FAULT, a -> a.phase() == AlarmPhase.ACKNOWLEDGED);

        rig.disconnect();
        // while Kelvin is away the pump runs again: inactive and acknowledged, the server drops it
        rig.twin.pumpFaultCleared(CDU);
        rig.connect();

        await().atMost(Duration.ofSeconds(15)).until(() -> rig.trunk(TwinAlarm.PUMP_FAULT).isEmpty());
        assertThat(rig.store.history(HistoryQuery.of(pump.key(), 1)).lines()).first()
                .extracting(AlarmTransition::kind).isEqualTo(Transition.CLEARED_BY_REFRESH);
        assertThat(rig.trunk(TwinAlarm.LEAK)).get().extracting(Alarm::phase).isEqualTo(AlarmPhase.UNACKNOWLEDGED);
    }

    @Test
    void anOccurrenceNeverAcknowledgedStaysABranchThatIsAcknowledgedOnItsOwn() {
        rig = TwinCduRig.start(dir).connect();
        rig.twin.pumpFault(CDU);
        rig.await(TwinAlarm.PUMP_FAULT, a -> a.active());
        rig.twin.pumpFaultCleared(CDU);
        rig.await(TwinAlarm.PUMP_FAULT, a -> a.phase() == AlarmPhase.RETURNED_UNACKNOWLEDGED);

        rig.twin.pumpFault(CDU);

        // Part 9, 4.4: the missed occurrence is a branch, a separate alarm beside the active condition
        await().atMost(Duration.ofSeconds(15)).until(() -> branch().isPresent());
        Alarm branch = branch().orElseThrow();
        assertThat(branch.phase()).isEqualTo(AlarmPhase.RETURNED_UNACKNOWLEDGED);
        assertThat(rig.await(TwinAlarm.PUMP_FAULT, a -> a.active()).phase()).isEqualTo(AlarmPhase.UNACKNOWLEDGED);
        assertThat(rig.twin.alarm(CDU, TwinAlarm.PUMP_FAULT).orElseThrow().branches()).isEqualTo(1);

        assertThat(rig.desk.acknowledge(branch.key(), "alice", "missed at night")).isInstanceOf(ActionResult.Done.class);

        await().atMost(Duration.ofSeconds(15)).until(() -> branch().isEmpty());
        assertThat(rig.twin.alarm(CDU, TwinAlarm.PUMP_FAULT).orElseThrow().branches()).isZero();
        assertThat(rig.trunk(TwinAlarm.PUMP_FAULT)).get().extracting(Alarm::phase).isEqualTo(AlarmPhase.UNACKNOWLEDGED);
    }

    @Test
    void theServersSessionAndAuditEventsAreNotListedAsAlarms() {
        rig = TwinCduRig.start(dir).connect();
        rig.twin.pumpFault(CDU);
        Alarm pump = rig.await(TwinAlarm.PUMP_FAULT, a -> a.phase() == AlarmPhase.UNACKNOWLEDGED);

        // a second client opens a session (AuditCreateSessionEventType: severity 1, source "Server", no
        // message) and the acknowledgement writes an audit event (AuditConditionAcknowledgeEventType)
        try (var other = io.kelvin.collectors.Collectors.start(rig.site, s -> { }, e -> { }, java.time.Clock.systemUTC(),
                TwinCduRig.QUICK.withPkiDir(dir.resolve("pki-2")))) {
            rig.desk.acknowledge(pump.key(), "alice", "reset locally");
            await().atMost(Duration.ofSeconds(15)).until(() -> otherEvents("Server") && otherEvents("Method/Acknowledge"));
        }

        assertThat(rig.desk.current(10)).extracting(Alarm::sourceName).containsOnly(CDU);
        assertThat(rig.desk.notAlarms()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aTimedShelvingReachesTheDevicesShelvingStateAndUnshelvingEndsIt() {
        rig = TwinCduRig.start(dir).connect();
        rig.twin.leak(CDU);
        Alarm leak = rig.await(TwinAlarm.LEAK, a -> a.marks().shelving() == Shelving.UNSHELVED);

        ActionResult shelved = rig.desk.shelve(leak.key(), "bob", Shelving.TIMED, Optional.of(Duration.ofMinutes(30)),
                "sensor cable being replaced");

        assertThat(shelved).isInstanceOf(ActionResult.Done.class);
        TwinAlarmState onServer = rig.twin.alarm(CDU, TwinAlarm.LEAK).orElseThrow();
        assertThat(onServer.shelving()).isEqualTo("TimedShelved");
        assertThat(onServer.comment()).isEqualTo("sensor cable being replaced");
        rig.await(TwinAlarm.LEAK, a -> a.marks().shelving() == Shelving.TIMED);

        assertThat(rig.desk.unshelve(leak.key(), "bob", "cable replaced")).isInstanceOf(ActionResult.Done.class);
        assertThat(rig.twin.alarm(CDU, TwinAlarm.LEAK).orElseThrow().shelving()).isEqualTo("Unshelved");
        rig.await(TwinAlarm.LEAK, a -> a.marks().shelving() == Shelving.UNSHELVED);
    }

    @Test
    void theCdusCommonInformationComesFromItsServersBuildInfo() {
        rig = TwinCduRig.start(dir).connect();

        // the twin's BuildInfo (OPC UA Part 5, 6.3.2): its profile's maker and model, Milo's SDK version
        DeviceInfo info = rig.collectors().device(CDU).orElseThrow().info();
        assertThat(info.source()).isEqualTo("OPC UA server BuildInfo");
        assertThat(info.manufacturer()).contains("Acme Thermal");
        assertThat(info.model()).contains("CDU-800");
        assertThat(info.firmwareVersion()).isPresent();
    }

    private Optional<Alarm> branch() {
        return rig.store.current(100).stream()
                .filter(a -> a.conditionName().equals(TwinAlarm.PUMP_FAULT.condition()) && a.key().isBranch()).findFirst();
    }

    private boolean otherEvents(String sourceName) {
        return rig.events.stream().anyMatch(e -> e instanceof DeviceEvent.OtherEvent o && o.sourceName().equals(sourceName));
    }
}
