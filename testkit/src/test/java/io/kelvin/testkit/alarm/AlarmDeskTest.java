package io.kelvin.testkit.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.kelvin.core.alarm.ActionResult;
import io.kelvin.core.alarm.Alarm;
import io.kelvin.core.alarm.AlarmDesk;
import io.kelvin.core.alarm.AlarmKey;
import io.kelvin.core.alarm.AlarmPhase;
import io.kelvin.core.alarm.AlarmPolicy;
import io.kelvin.core.alarm.AlarmTransition;
import io.kelvin.core.alarm.DeviceAnswer;
import io.kelvin.core.alarm.DeviceEvent;
import io.kelvin.core.alarm.HistoryQuery;
import io.kelvin.core.alarm.Note;
import io.kelvin.core.alarm.Shelving;
import io.kelvin.core.alarm.Transition;
import io.kelvin.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The alarm desk between devices, operators and the store: what becomes an alarm, actions carried out
 * on the device first, and the resynchronisation after a ConditionRefresh (OPC UA Part 9, 4.5).
 */
class AlarmDeskTest {

    private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");
    private static final AlarmKey LEAK = AlarmKey.of("cdu-01", "nsu=urn:kelvin:cdu;s=cdu-01/LeakDetected");
    private static final AlarmKey PUMP = AlarmKey.of("cdu-01", "nsu=urn:kelvin:cdu;s=cdu-01/PumpFault");

    private final SettableClock clock = new SettableClock(T0);
    private final MemoryAlarmStore store = new MemoryAlarmStore();
    private final RecordingAlarmActions device = new RecordingAlarmActions();
    private final List<Alarm> pushed = new CopyOnWriteArrayList<>();
    private final AlarmDesk desk = new AlarmDesk(store, device, AlarmPolicy.DEFAULT.withSeverityFloor(100), clock,
            (alarm, lines) -> pushed.add(alarm));

    @Test
    void aSessionEventFromTheServerIsNotAnAlarm() {
        // the event the bug report saw listed: severity 1, source "Server", empty message, no condition
        desk.accept(new DeviceEvent.OtherEvent("cdu-01", "i=2075", "Server", 1, "", T0));

        assertThat(desk.current(10)).isEmpty();
        assertThat(desk.notAlarms()).isEqualTo(1);
    }

    @Test
    void aConditionBelowTheSeverityFloorIsNotAnAlarm() {
        desk.accept(ConditionEventBuilder.of(LEAK, T0).severity(50).build());

        assertThat(desk.current(10)).isEmpty();
        assertThat(desk.belowFloor()).isEqualTo(1);
    }

    @Test
    void acknowledgeGoesToTheDeviceWithTheNewestEventIdAndTheCommentAndIsRecordedWithTheOperator() {
        desk.accept(ConditionEventBuilder.of(LEAK, T0).build());
        var newest = ConditionEventBuilder.of(LEAK, T0.plusSeconds(1)).severity(950).build();
        desk.accept(newest);
        clock.set(T0.plusSeconds(30));

        ActionResult result = desk.acknowledge(LEAK, "alice", "valve closed");

        assertThat(device.calls()).singleElement().satisfies(call -> {
            assertThat(call.method()).isEqualTo("Acknowledge");
            assertThat(call.alarm().eventId()).isEqualTo(newest.handle().eventId());
            assertThat(call.comment()).isEqualTo("valve closed");
        });
        assertThat(result).isInstanceOfSatisfying(ActionResult.Done.class, done -> {
            assertThat(done.alarm().phase()).isEqualTo(AlarmPhase.ACKNOWLEDGED);
            assertThat(done.alarm().marks().ackNote()).contains(new Note("alice", T0.plusSeconds(30), "valve closed",
                    Note.Origin.KELVIN));
        });
        assertThat(pushed).last().extracting(Alarm::phase).isEqualTo(AlarmPhase.ACKNOWLEDGED);
    }

    @Test
    void whenTheDevicesAckEventArrivesBeforeTheCallReturnsTheAckIsRecordedOnceWithTheOperator() {
        desk.accept(ConditionEventBuilder.of(LEAK, T0).build());
        device.reacting(call -> desk.accept(ConditionEventBuilder.of(LEAK, T0.plusSeconds(2)).acked(true).build()));

        desk.acknowledge(LEAK, "alice", "on it");

        List<AlarmTransition> acks = store.history(HistoryQuery.of(LEAK, 10)).lines().stream()
                .filter(t -> t.kind() == Transition.ACKNOWLEDGED).toList();
        assertThat(acks).singleElement().satisfies(t -> assertThat(t.note()).get().extracting(Note::by).isEqualTo("alice"));
    }

    @Test
    void aDeviceRefusalChangesNothingAndSaysTheDevicesCode() {
        desk.accept(ConditionEventBuilder.of(LEAK, T0).build());
        device.answer(new DeviceAnswer.Refused("BadEventIdUnknown", "the event id is not the newest"));

        ActionResult result = desk.acknowledge(LEAK, "alice", "");

        assertThat(result).isInstanceOfSatisfying(ActionResult.Rejected.class, r -> {
            assertThat(r.kind()).isEqualTo(ActionResult.Kind.DEVICE_REFUSED);
            assertThat(r.reason()).contains("cdu-01 refused to acknowledge").contains("BadEventIdUnknown");
        });
        assertThat(store.find(LEAK)).get().extracting(Alarm::phase).isEqualTo(AlarmPhase.UNACKNOWLEDGED);
    }

    @Test
    void anActionTheStateForbidsNeverReachesTheDevice() {
        desk.accept(ConditionEventBuilder.of(LEAK, T0).acked(true).build());

        ActionResult result = desk.acknowledge(LEAK, "bob", "");

        assertThat(result).isInstanceOf(ActionResult.Rejected.class);
        assertThat(device.calls()).isEmpty();
    }

    @Test
    void anUnknownAlarmIsRejectedByName() {
        assertThat(desk.acknowledge(PUMP, "alice", "")).isEqualTo(new ActionResult.Rejected(
                ActionResult.Kind.UNKNOWN_ALARM, "no alarm " + PUMP));
    }

    @Test
    void aTimedShelvingAsksTheDeviceForTheDurationAndRecordsUntilWhen() {
        desk.accept(ConditionEventBuilder.of(LEAK, T0).build());

        desk.shelve(LEAK, "bob", Shelving.TIMED, Optional.of(Duration.ofMinutes(30)), "sensor being replaced");

        assertThat(device.calls()).singleElement().satisfies(call -> {
            assertThat(call.method()).isEqualTo("TimedShelve");
            assertThat(call.duration()).isEqualTo(Duration.ofMinutes(30));
        });
        assertThat(store.find(LEAK)).get().satisfies(a -> assertThat(a.marks().shelvedUntil()).contains(T0.plusSeconds(1800)));
    }

    @Test
    void aRefreshClearsTheAlarmsTheDeviceNoLongerRetainsAndKeepsTheOnesItReplays() {
        desk.accept(ConditionEventBuilder.of(LEAK, T0).build());
        desk.accept(ConditionEventBuilder.of(PUMP, T0).build());

        // after a reconnect the device replays only the leak: the pump fault ended while Kelvin was away
        desk.accept(new DeviceEvent.RefreshStarted("cdu-01", T0.plusSeconds(60)));
        desk.accept(ConditionEventBuilder.of(LEAK, T0).refresh(true).build());
        desk.accept(new DeviceEvent.RefreshEnded("cdu-01", T0.plusSeconds(60)));

        assertThat(desk.current(10)).extracting(Alarm::key).containsExactly(LEAK);
        assertThat(store.history(HistoryQuery.of(PUMP, 10)).lines()).first().extracting(AlarmTransition::kind)
                .isEqualTo(Transition.CLEARED_BY_REFRESH);
    }

    @Test
    void aBranchIsAnAlarmOfItsOwnBesideTheCondition() {
        AlarmKey branch = new AlarmKey(LEAK.device(), LEAK.conditionId(), Optional.of("nsu=urn:kelvin:cdu;g=7"));
        desk.accept(ConditionEventBuilder.of(LEAK, T0.plusSeconds(10)).build());
        desk.accept(ConditionEventBuilder.of(branch, T0).active(false).build());

        assertThat(desk.current(10)).extracting(Alarm::key).containsExactly(LEAK, branch);

        // acknowledging the branch leaves the condition unacknowledged
        desk.acknowledge(branch, "alice", "old occurrence");
        assertThat(store.find(LEAK)).get().extracting(Alarm::phase).isEqualTo(AlarmPhase.UNACKNOWLEDGED);
    }

    @Test
    void aStoreThatFailsNeverStopsTheCollectorThread() {
        AlarmDesk failing = new AlarmDesk(new io.kelvin.core.alarm.AlarmStore() {
            @Override
            public Optional<Alarm> find(AlarmKey key) {
                throw new IllegalStateException("database is down");
            }

            @Override
            public void save(Alarm alarm, List<AlarmTransition> transitions) {
                throw new IllegalStateException("database is down");
            }

            @Override
            public List<Alarm> current(int limit) {
                return List.of();
            }

            @Override
            public List<Alarm> currentOf(String device) {
                return List.of();
            }

            @Override
            public io.kelvin.core.alarm.HistoryPage history(HistoryQuery query) {
                return new io.kelvin.core.alarm.HistoryPage(List.of(), 0, 0);
            }
        }, device, AlarmPolicy.DEFAULT, clock, io.kelvin.core.alarm.AlarmListener.NONE);

        assertThatCode(() -> failing.accept(ConditionEventBuilder.of(LEAK, T0).build())).doesNotThrowAnyException();
    }
}
