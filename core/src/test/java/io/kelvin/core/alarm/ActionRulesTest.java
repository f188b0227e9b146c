package io.kelvin.core.alarm;

import static io.kelvin.core.alarm.ConditionEvents.leak;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Operator actions an alarm's state does not allow are rejected before they reach the device, with a
 * message naming why (the refusals OPC UA Part 9 has a device give: 5.7.3, 5.7.4, 5.5.4, 5.8.10).
 */
class ActionRulesTest {

    private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");
    private final AlarmLifecycle lifecycle = new AlarmLifecycle(InstantSource.fixed(T0), AlarmPolicy.DEFAULT);

    @Test
    void acknowledgingAnAcknowledgedAlarmIsRejectedNamingWhoAcknowledgedIt() {
        Alarm raised = alarm(leak(T0));
        OperatorAction ack = new OperatorAction.Acknowledge("alice", "");
        Alarm acked = lifecycle.apply(raised, ack, lifecycle.noteFor(ack)).alarm();

        assertThat(lifecycle.check(acked, new OperatorAction.Acknowledge("bob", ""))).get().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ActionResult.Kind.NOT_ALLOWED);
            assertThat(r.reason()).isEqualTo("cannot acknowledge alarm 'LeakDetected' of Alarms on cdu-01: "
                    + "it was already acknowledged by alice at " + T0);
        });
    }

    @Test
    void anUnacknowledgedAlarmMayBeAcknowledged() {
        assertThat(lifecycle.check(alarm(leak(T0)), new OperatorAction.Acknowledge("alice", "on my way"))).isEmpty();
    }

    @Test
    void confirmingBeforeAcknowledgingIsRejected() {
        Alarm alarm = alarm(leak(T0).active(false).confirmed(false));

        assertThat(reason(alarm, new OperatorAction.Confirm("alice", ""))).endsWith("it must be acknowledged first");
    }

    @Test
    void confirmingOnADeviceWithoutConfirmedStateIsRejected() {
        assertThat(reason(alarm(leak(T0).acked(true)), new OperatorAction.Confirm("alice", "")))
                .endsWith("the device offers no confirmation for it");
    }

    @Test
    void shelvingWithoutAReasonIsInvalidInput() {
        Optional<ActionResult.Rejected> rejected = lifecycle.check(alarm(leak(T0).shelving(Shelving.UNSHELVED)),
                new OperatorAction.Shelve("alice", Shelving.ONE_SHOT, Optional.empty(), " "));

        assertThat(rejected).get().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ActionResult.Kind.INVALID_INPUT);
            assertThat(r.reason()).isEqualTo("comment: shelving needs a reason");
        });
    }

    @Test
    void aTimedShelvingLongerThanThePolicyAllowsIsInvalidInputNamingTheDuration() {
        OperatorAction shelve = new OperatorAction.Shelve("alice", Shelving.TIMED, Optional.of(Duration.ofHours(25)), "noisy");

        // AlarmPolicy.DEFAULT allows 24 h
        assertThat(lifecycle.check(alarm(leak(T0).shelving(Shelving.UNSHELVED)), shelve)).get().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ActionResult.Kind.INVALID_INPUT);
            assertThat(r.reason()).isEqualTo("duration: a timed shelving may last at most PT24H, asked PT25H");
        });
    }

    @Test
    void shelvingAnAlarmTheDeviceCannotShelveIsRejected() {
        OperatorAction shelve = new OperatorAction.Shelve("alice", Shelving.ONE_SHOT, Optional.empty(), "noisy");

        assertThat(reason(alarm(leak(T0)), shelve)).endsWith("the device offers no shelving for it");
    }

    @Test
    void unshelvingAnUnshelvedAlarmIsRejected() {
        assertThat(reason(alarm(leak(T0).shelving(Shelving.UNSHELVED)), new OperatorAction.Unshelve("alice", "")))
                .endsWith("it is not shelved");
    }

    @Test
    void aClearedAlarmTakesNoAction() {
        Alarm cleared = alarm(leak(T0)).cleared(T0);

        assertThat(reason(cleared, new OperatorAction.Acknowledge("alice", "")))
                .endsWith("it is cleared; the device no longer holds it");
    }

    @Test
    void aDisabledConditionTakesNoAction() {
        assertThat(reason(alarm(leak(T0).enabled(false)), new OperatorAction.Acknowledge("alice", "")))
                .endsWith("the condition is disabled on the device");
    }

    @Test
    void aCommentLongerThanThePolicyAllowsIsInvalidInput() {
        assertThat(reason(alarm(leak(T0)), new OperatorAction.Acknowledge("alice", "x".repeat(1001))))
                .isEqualTo("comment: at most 1000 characters, was 1001");
    }

    private Alarm alarm(ConditionEvents.Builder event) {
        return lifecycle.onDevice(Optional.empty(), event.build(), AlarmLifecycle.Pending.NONE).orElseThrow().alarm();
    }

    private String reason(Alarm alarm, OperatorAction action) {
        return lifecycle.check(alarm, action).map(ActionResult.Rejected::reason).orElse("(allowed)");
    }
}
