package io.kelvin.energyoptimizer.app;

import io.kelvin.core.dr.EventRef;
import io.kelvin.core.dr.GuardAction;
import io.kelvin.core.dr.GuardLog;
import io.kelvin.core.identity.Actor;
import io.kelvin.core.identity.AuditEntry;
import io.kelvin.core.identity.AuditKind;
import io.kelvin.core.identity.AuditLog;
import io.kelvin.core.identity.Outcome;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link GuardLog} that also puts every action into the audit trail: actor {@link #ACTOR}, kind
 * {@link AuditKind#DR_GUARD_ACTED}, one entry per event the action was taken for (target {@code dr-event
 * <id>@<version>}, as the event's lifecycle steps are), address "-", detail naming the action, the jobs and their
 * kW, the meter and the cap ("paused train-7 412 kW, eval-2 96 kW; meter 3852 kW, cap 4000 kW"). The action is
 * kept first; an audit store that fails is logged and the guard goes on.
 */
public final class AuditedGuardLog implements GuardLog {

    private static final Logger LOG = LoggerFactory.getLogger(AuditedGuardLog.class);
    /** Who the guard's actions are on record as. */
    public static final Actor ACTOR = Actor.system("cap-guard");

    private final GuardLog delegate;
    private final AuditLog audit;

    public AuditedGuardLog(GuardLog delegate, AuditLog audit) {
        this.delegate = delegate;
        this.audit = audit;
    }

    @Override
    public void record(GuardAction action) {
        delegate.record(action);
        try {
            for (EventRef event : action.events()) {
                audit.record(new AuditEntry(ACTOR, AuditKind.DR_GUARD_ACTED, "dr-event " + event, "-", Outcome.SUCCESS,
                        detail(action)));
            }
        } catch (RuntimeException e) {
            LOG.error("Could not put the cap guard's action on record in the audit trail", e);
        }
    }

    @Override
    public List<GuardAction> forEvent(String eventId) {
        return delegate.forEvent(eventId);
    }

    /** The audit detail of an action, e.g. "paused train-7 412 kW, eval-2 96 kW; meter 3852 kW, cap 4000 kW". */
    static String detail(GuardAction a) {
        String jobs = a.jobs().stream().map(j -> String.format(Locale.ROOT, "%s %.0f kW", j.jobId(), j.kw()))
                .collect(Collectors.joining(", "));
        return (a.action() == GuardAction.Kind.PAUSED ? "paused " : "released ") + jobs + "; meter "
                + kw(a.meteredKw(), "not read") + ", cap " + kw(a.capKw(), "no longer in force");
    }

    private static String kw(OptionalDouble v, String none) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.0f kW", v.getAsDouble()) : none;
    }
}
