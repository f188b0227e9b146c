package io.kelvin.greenpower.dr;

import io.kelvin.core.dr.DrEventStatus;
import io.kelvin.core.dr.DrEventStore;
import io.kelvin.core.dr.DrSignal;
import io.kelvin.core.dr.DrTransition;
import io.kelvin.core.dr.EventRef;
import io.kelvin.core.identity.Actor;
import io.kelvin.core.identity.AuditEntry;
import io.kelvin.core.identity.AuditKind;
import io.kelvin.core.identity.AuditLog;
import io.kelvin.core.identity.Outcome;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link DrEventStore} that also puts every lifecycle step no operator took into the audit trail: the
 * system's (actors "vtn", "kelvin", "planner", "clock", as {@code system:dr-<actor>} from the VTN's
 * address) and those a grid API client's event caused ({@link EventSource#gridClient}, as
 * {@code client:<client id>} from {@link #GRID_API_ADDRESS}): receipt as {@link AuditKind#DR_EVENT_CREATED}, an opt-out as
 * {@link AuditKind#DR_OPT_OUT}, an operator's opt-back-in as {@link AuditKind#DR_OPT_IN}, every other step as {@link AuditKind#DR_EVENT_CHANGED}; a refused step has
 * outcome DENIED. Steps an operator takes are recorded by whoever serves the operator (they know the
 * caller's address), not here. A failing audit store does not undo the step: it is logged.
 */
public final class AuditedDrEventStore implements DrEventStore {

    /** The actors DrEvents uses for steps no person took. */
    public static final Set<String> SYSTEM_ACTORS = Set.of("vtn", "kelvin", "planner", "clock");

    /** The trail's address for steps an event of the grid API caused (the request itself is audited with the caller's address). */
    public static final String GRID_API_ADDRESS = "grid-api";

    private static final Logger LOG = LoggerFactory.getLogger(AuditedDrEventStore.class);

    private final DrEventStore delegate;
    private final AuditLog audit;
    private final String address;

    /** {@code address}: where the system steps come from for the trail (e.g. the VTN's host), "-" if none. */
    public AuditedDrEventStore(DrEventStore delegate, AuditLog audit, String address) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.address = address;
    }

    @Override
    public Optional<DrEventStatus> find(String eventId) {
        return delegate.find(eventId);
    }

    @Override
    public void record(DrEventStatus status, DrTransition transition) {
        delegate.record(status, transition);
        audit(transition);
    }

    @Override
    public void refused(DrTransition transition) {
        delegate.refused(transition);
        audit(transition);
    }

    @Override
    public List<DrEventStatus> all() {
        return delegate.all();
    }

    @Override
    public List<DrTransition> history(String eventId) {
        return delegate.history(eventId);
    }

    @Override
    public void recordCaps(EventRef ref, List<DrSignal.CapLimit> caps) {
        delegate.recordCaps(ref, caps);
    }

    @Override
    public List<DrSignal.CapLimit> caps(String eventId) {
        return delegate.caps(eventId);
    }

    /** The audit entry for one transition, whoever took it. */
    public static AuditEntry entry(DrTransition t, Actor actor, String address) {
        AuditKind kind = switch (t.action()) {
            case "receive" -> AuditKind.DR_EVENT_CREATED;
            case "opt-out" -> AuditKind.DR_OPT_OUT;
            case "opt-back-in" -> AuditKind.DR_OPT_IN;
            default -> AuditKind.DR_EVENT_CHANGED;
        };
        return new AuditEntry(actor, kind, "dr-event " + t.ref(), address,
                t.isRefused() ? Outcome.DENIED : Outcome.SUCCESS,
                t.action() + " " + t.from() + "->" + t.to() + (t.detail() == null || t.detail().isBlank() ? ""
                        : ": " + t.detail()));
    }

    private void audit(DrTransition t) {
        Optional<String> gridClient = EventSource.gridClientOf(t.actor());
        if (!SYSTEM_ACTORS.contains(t.actor()) && gridClient.isEmpty()) {
            return;
        }
        try {
            audit.record(gridClient.isPresent() ? entry(t, Actor.client(gridClient.get()), GRID_API_ADDRESS)
                    : entry(t, Actor.system("dr-" + t.actor()), address));
        } catch (RuntimeException e) {
            LOG.error("Could not put DR step {} of {} on record: {}", t.action(), t.ref(), e.getMessage());
        }
    }
}
