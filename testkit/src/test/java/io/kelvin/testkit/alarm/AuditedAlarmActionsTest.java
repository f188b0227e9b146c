package io.kelvin.testkit.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.core.alarm.ActionResult;
import io.kelvin.core.alarm.AlarmDesk;
import io.kelvin.core.alarm.AlarmKey;
import io.kelvin.core.alarm.AlarmPolicy;
import io.kelvin.core.alarm.AuditedAlarmActions;
import io.kelvin.core.alarm.DeviceAnswer;
import io.kelvin.core.alarm.Shelving;
import io.kelvin.core.identity.Actor;
import io.kelvin.core.identity.AuditEntry;
import io.kelvin.core.identity.AuditKind;
import io.kelvin.core.identity.Outcome;
import io.kelvin.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Every operator action on an alarm lands on the audit trail with who, where, which alarm and the outcome. */
class AuditedAlarmActionsTest {

    private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");
    private static final AlarmKey LEAK = AlarmKey.of("cdu-01", "nsu=urn:kelvin:cdu;s=cdu-01/LeakDetected");
    private static final Actor ALICE = Actor.user("alice");

    private final RecordingAlarmActions device = new RecordingAlarmActions();
    private final AlarmDesk desk = new AlarmDesk(new MemoryAlarmStore(), device, AlarmPolicy.DEFAULT,
            new SettableClock(T0), (alarm, lines) -> { });
    private final List<AuditEntry> trail = new CopyOnWriteArrayList<>();
    private final AuditedAlarmActions actions = new AuditedAlarmActions(desk, trail::add);

    @Test
    void anAcknowledgementTheDeviceTookIsRecordedAsSuccessWithTheComment() {
        desk.accept(ConditionEventBuilder.of(LEAK, T0).build());

        ActionResult result = actions.acknowledge(LEAK, ALICE, "192.0.2.7", "valve V-12 closed");

        assertThat(result).isInstanceOf(ActionResult.Done.class);
        assertThat(trail).containsExactly(new AuditEntry(ALICE, AuditKind.ALARM_ACKNOWLEDGED, LEAK.toString(), "192.0.2.7",
                Outcome.SUCCESS, "comment=\"valve V-12 closed\""));
    }

    @Test
    void aSecondAcknowledgementIsDeniedAndSaysWhy() {
        desk.accept(ConditionEventBuilder.of(LEAK, T0).build());
        actions.acknowledge(LEAK, ALICE, "192.0.2.7", "");

        actions.acknowledge(LEAK, Actor.user("bob"), "192.0.2.8", "me too");

        AuditEntry second = trail.get(1);
        assertThat(second.outcome()).isEqualTo(Outcome.DENIED);
        assertThat(second.detail()).contains("refused: cannot acknowledge").contains("already acknowledged by alice");
        assertThat(device.calls()).hasSize(1);
    }

    @Test
    void aShelvingTheDeviceRefusedIsRecordedAsFailedInTheDevicesWords() {
        desk.accept(ConditionEventBuilder.of(LEAK, T0).build());
        device.answer(new DeviceAnswer.Refused("BadShelvingTimeOutOfRange", "MaxTimeShelved is 1 h"));

        ActionResult result = actions.shelve(LEAK, ALICE, "192.0.2.7", Optional.of(Duration.ofHours(2)), "cable work");

        assertThat(result).isInstanceOf(ActionResult.Rejected.class);
        AuditEntry entry = trail.get(0);
        assertThat(entry.kind()).isEqualTo(AuditKind.ALARM_SHELVED);
        assertThat(entry.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(entry.detail()).startsWith("kind=TIMED duration=PT2H reason=\"cable work\"")
                .contains("BadShelvingTimeOutOfRange");
    }

    @Test
    void withoutADurationTheShelvingIsOneShotAndUnshelvingIsRecordedToo() {
        desk.accept(ConditionEventBuilder.of(LEAK, T0).build());

        actions.shelve(LEAK, ALICE, "192.0.2.7", Optional.empty(), "known fault");
        actions.unshelve(LEAK, ALICE, "192.0.2.7", "fixed");

        assertThat(device.calls()).extracting(RecordingAlarmActions.Call::kind).first().isEqualTo(Shelving.ONE_SHOT);
        assertThat(trail).extracting(AuditEntry::kind).containsExactly(AuditKind.ALARM_SHELVED, AuditKind.ALARM_UNSHELVED);
        assertThat(trail).extracting(AuditEntry::outcome).containsOnly(Outcome.SUCCESS);
    }
}
