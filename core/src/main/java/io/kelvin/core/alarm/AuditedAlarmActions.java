package io.kelvin.core.alarm;

import io.kelvin.core.identity.Actor;
import io.kelvin.core.identity.AuditEntry;
import io.kelvin.core.identity.AuditKind;
import io.kelvin.core.identity.AuditLog;
import io.kelvin.core.identity.Outcome;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An actor's acknowledge, shelve and unshelve through the {@link AlarmDesk}, each put on the audit trail
 * with who, from where, which alarm, the outcome and the comment: SUCCESS when done, DENIED when the
 * input or the alarm's state refused it (nothing was sent), FAILED when the device refused it or could
 * not be asked. The REST API and the dashboard both act through this one class. A failing audit store
 * is logged and never undoes an action the device took.
 */
public final class AuditedAlarmActions {

    private static final Logger LOG = LoggerFactory.getLogger(AuditedAlarmActions.class);

    private final AlarmDesk desk;
    private final AuditLog audit;

    public AuditedAlarmActions(AlarmDesk desk, AuditLog audit) {
        this.desk = Objects.requireNonNull(desk, "desk");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    public ActionResult acknowledge(AlarmKey key, Actor actor, String address, String comment) {
        ActionResult result = desk.acknowledge(key, actor.name(), comment);
        record(AuditKind.ALARM_ACKNOWLEDGED, key, actor, address, result, "comment=" + quoted(comment));
        return result;
    }

    /** {@code duration} present: TIMED shelving for that long; empty: ONE_SHOT, until it returns to normal. */
    public ActionResult shelve(AlarmKey key, Actor actor, String address, Optional<Duration> duration, String reason) {
        Shelving kind = duration.isPresent() ? Shelving.TIMED : Shelving.ONE_SHOT;
        ActionResult result = desk.shelve(key, actor.name(), kind, duration, reason);
        record(AuditKind.ALARM_SHELVED, key, actor, address, result, "kind=" + kind
                + duration.map(d -> " duration=" + d).orElse("") + " reason=" + quoted(reason));
        return result;
    }

    public ActionResult unshelve(AlarmKey key, Actor actor, String address, String comment) {
        ActionResult result = desk.unshelve(key, actor.name(), comment);
        record(AuditKind.ALARM_UNSHELVED, key, actor, address, result, "comment=" + quoted(comment));
        return result;
    }

    private void record(AuditKind kind, AlarmKey key, Actor actor, String address, ActionResult result, String detail) {
        Outcome outcome = switch (result) {
            case ActionResult.Done done -> Outcome.SUCCESS;
            case ActionResult.Rejected r when r.kind() == ActionResult.Kind.DEVICE_REFUSED
                    || r.kind() == ActionResult.Kind.DEVICE_UNREACHABLE -> Outcome.FAILED;
            case ActionResult.Rejected r -> Outcome.DENIED;
        };
        String why = result instanceof ActionResult.Rejected r ? " refused: " + r.reason() : "";
        try {
            audit.record(new AuditEntry(actor, kind, key.toString(), address, outcome, detail + why));
        } catch (RuntimeException e) {
            LOG.error("audit record of {} {} by {} could not be written", kind, key, actor, e);
        }
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\"", "'") + "\"";
    }
}
