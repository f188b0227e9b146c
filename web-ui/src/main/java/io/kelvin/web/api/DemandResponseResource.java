package io.kelvin.web.api;

import io.kelvin.core.dr.DrEventStatus;
import io.kelvin.core.dr.DrPlanOutcome;
import io.kelvin.core.dr.DrTransition;
import io.kelvin.core.dr.GuardAction;
import io.kelvin.core.dr.GuardLog;
import io.kelvin.core.dr.VenStatus;
import io.kelvin.core.site.DemandResponse;
import io.kelvin.greenpower.dr.baseline.EventPerformance;
import io.kelvin.greenpower.dr.baseline.EventTimeline;
import io.kelvin.web.dr.DemandResponseRuntime;
import io.kelvin.web.dr.DrStepRefusedException;
import io.kelvin.web.security.Caller;
import io.kelvin.web.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Demand response for people: {@code GET /api/v1/dr} the VEN's state, the programs the site takes part in
 * (the VTN's and the grid API's) and the newest DR re-plan; {@code GET /api/v1/dr/events} every event with its lifecycle state, span,
 * every transition and, when the newest plan cannot keep its caps, the shortfall (peak kW and kWh above the
 * cap, the jobs that would miss, whether the over-subscription check proves no plan could) and the cap guard's
 * actions for it ({@code guardActions}, oldest first: jobs paused or released with their kW, the meter and the cap
 * then, read from the guard log); {@code POST /api/v1/dr/events/{id}/opt-out} (OPERATOR, body {@code {"reason": "..."}},
 * reason required) opts the site out, {@code POST /api/v1/dr/events/{id}/opt-in} (OPERATOR, same body) opts it back
 * into an event it opted out of; {@code GET /api/v1/dr/events/{id}/performance} the event against the metered grid
 * import, its cap and its baseline, with delivered versus requested curtailment per cap interval. Opt-out and
 * opt-in attempts, done or refused, go into the audit trail with the caller and address; a refused step (the event
 * is over, cancelled, not opted out, ...) is 409 naming why; an unknown event is 404 naming it.
 */
@Path("/api/v1/dr")
@Produces(MediaType.APPLICATION_JSON)
public class DemandResponseResource {

    /** Longest opt-out reason kept. */
    static final int MAX_REASON = 500;

    private final DemandResponseRuntime dr;
    private final Caller caller;
    private final GuardLog guardLog;

    public DemandResponseResource(DemandResponseRuntime dr, Caller caller, GuardLog guardLog) {
        this.dr = dr;
        this.caller = caller;
        this.guardLog = guardLog;
    }

    public record ProgramView(String id, String name, boolean hard) {
    }

    public record Overview(boolean configured, String sources, String vtnUrl, String venName, VenStatus ven, List<ProgramView> programs,
                           DrPlanOutcome lastReplan) {
    }

    public record TransitionView(Instant at, String actor, String action, String from, String to, String outcome,
                                 String version, String detail) {
        static TransitionView of(DrTransition t) {
            return new TransitionView(t.at(), t.actor(), t.action(), t.from().name(), t.to().name(), t.outcome().name(),
                    t.ref().version().toString(), t.detail());
        }
    }

    public record EventView(String id, String programId, String name, Instant version, String state, Instant receivedAt,
                            Instant changedAt, Instant start, Instant end, String decidedBy, String reason,
                            List<TransitionView> transitions, ShortfallView shortfall, List<GuardActionView> guardActions) {
    }

    /**
     * One action of the cap guard for an event: PAUSED or RELEASED, the jobs with their kW at the meter, the
     * metered import and the cap in force then (null: not read, no cap in force any more), and the events it was for.
     */
    public record GuardActionView(Instant at, String action, List<GuardJobView> jobs, double totalKw, Double meteredKw,
                                  Double capKw, List<String> events) {
        static GuardActionView of(GuardAction a) {
            return new GuardActionView(a.at(), a.action().name(),
                    a.jobs().stream().map(j -> new GuardJobView(j.jobId(), j.kw())).toList(), a.totalKw(),
                    value(a.meteredKw()), value(a.capKw()), a.events().stream().map(e -> e.eventId()).toList());
        }

        private static Double value(OptionalDouble v) {
            return v.isPresent() ? v.getAsDouble() : null;
        }
    }

    public record GuardJobView(String jobId, double kw) {
    }

    /** What the newest plan cannot keep of an event's caps over {@code [from, to)}; null in an event when it keeps them. */
    public record ShortfallView(Instant from, Instant to, double peakKw, double excessKwh, List<String> jobsMissed,
                                boolean proven) {
        static ShortfallView of(DrPlanOutcome.Shortfall s) {
            return new ShortfallView(s.from(), s.to(), s.peakKw(), s.excessKwh(), s.jobsMissed(), s.proven());
        }
    }

    public record OptOut(String reason) {
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.AUDITOR, Roles.ADMIN})
    public Overview overview() {
        var settings = dr.settings();
        List<io.kelvin.greenpower.dr.oadr.Program> all = new java.util.ArrayList<>(dr.programs());
        dr.gridApi().ifPresent(grid -> all.addAll(grid.programs()));
        List<ProgramView> programs = all.stream().map(p -> new ProgramView(p.id(), p.programName(),
                settings.flatMap(s -> s.program(p.programName())).map(DemandResponse.Program::hard).orElse(true)))
                .toList();
        return new Overview(dr.configured(), dr.sources(),
                settings.flatMap(DemandResponse::vtnUrl).map(Object::toString).orElse(null),
                settings.map(DemandResponse::venName).orElse(null), dr.venStatus().orElse(null), programs,
                dr.lastOutcome().orElse(null));
    }

    @GET
    @Path("/events")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.AUDITOR, Roles.ADMIN})
    public List<EventView> events() {
        return dr.events().stream().map(this::view).toList();
    }

    @POST
    @Path("/events/{id}/opt-out")
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public TransitionView optOut(@PathParam("id") String id, OptOut body) {
        String reason = body == null ? null : body.reason();
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason: required (why the site opts out of the event)");
        }
        if (reason.length() > MAX_REASON) {
            throw new IllegalArgumentException("reason: at most " + MAX_REASON + " characters (got " + reason.length() + ")");
        }
        DrTransition step = dr.optOut(id, reason, caller.actor(), caller.address());
        if (step.isRefused()) {
            throw new DrStepRefusedException("event '" + id + "': " + step.detail());
        }
        return TransitionView.of(step);
    }

    public record OptIn(String reason) {
    }

    /** One step of the timeline, kW; null where unknown (no GOOD meter data, no cap in force, no baseline). */
    public record StepView(Instant start, Double importKw, Double capKw, Double baselineKw) {
    }

    /** The baseline the event is measured against; {@code missing} says why there is none (else null). */
    public record BaselineView(String method, String missing, List<LocalDate> days, double adjustment, List<String> notes) {
    }

    /** Delivered versus requested curtailment over one cap interval ({@code EventPerformance}); null where unmeasured. */
    public record IntervalView(Instant start, Instant end, double capKw, Double baselineKw, Double actualKw,
                               double requestedKwh, double deliveredKwh, Double deliveredPercent, double aboveCapKwh,
                               Boolean capKept, int measuredSteps, long steps, double measuredPercent) {
        static IntervalView of(EventPerformance.Interval i) {
            return new IntervalView(i.start(), i.end(), i.capKw(), value(i.baselineKw()), value(i.actualKw()),
                    i.requestedKwh(), i.deliveredKwh(), percent(i.deliveredShare()), i.aboveCapKwh(),
                    i.capKept().orElse(null), i.measuredSteps(), i.expectedSteps(), 100 * i.measuredShare());
        }
    }

    public record TotalsView(double requestedKwh, double deliveredKwh, Double deliveredPercent, double aboveCapKwh,
                             int intervals, int intervalsKept, double measuredPercent) {
        static TotalsView of(EventPerformance.Totals t) {
            return new TotalsView(t.requestedKwh(), t.deliveredKwh(), percent(t.deliveredShare()), t.aboveCapKwh(),
                    t.intervals(), t.intervalsKept(), 100 * t.measuredShare());
        }
    }

    /**
     * An event against the meter: {@code [from, to)} is the event's span with {@code marginMinutes} either side,
     * in steps of {@code stepMinutes}; times are UTC, {@code zone} is the site's.
     */
    public record PerformanceView(String id, String state, String zone, Instant from, Instant to, long stepMinutes,
                                  long marginMinutes, Instant eventStart, Instant eventEnd, List<StepView> steps,
                                  BaselineView baseline, List<IntervalView> intervals, TotalsView totals,
                                  ShortfallView shortfall) {
    }

    @GET
    @Path("/events/{id}/performance")
    @Blocking
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.AUDITOR, Roles.ADMIN})
    public PerformanceView performance(@PathParam("id") String id) {
        Optional<EventTimeline.Timeline> timeline = dr.timeline(id);
        String state = dr.events().stream().filter(e -> e.ref().eventId().equals(id)).findFirst()
                .map(e -> e.state().name()).orElse(null);
        ShortfallView shortfall = dr.shortfall(id).map(ShortfallView::of).orElse(null);
        String zone = dr.zone().getId();
        long margin = EventTimeline.MARGIN.toMinutes();
        if (timeline.isEmpty()) {
            return new PerformanceView(id, state, zone, null, null, EventPerformance.STEP.toMinutes(), margin, null, null,
                    List.of(), new BaselineView(null, "the event's span is not known: it is no longer held and set no"
                    + " import cap", List.of(), 0, List.of()), List.of(), null, shortfall);
        }
        EventTimeline.Timeline t = timeline.get();
        List<StepView> steps = t.steps().stream().map(st -> new StepView(st.start(), value(st.importKw()),
                value(st.capKw()), value(st.baselineKw()))).toList();
        Optional<EventPerformance.Result> result = t.performance();
        BaselineView baseline = result.map(r -> new BaselineView(r.baseline().method(), t.noBaseline().orElse(null),
                        r.baseline().days(), r.baseline().adjustment(), r.baseline().notes()))
                .orElseGet(() -> new BaselineView(null, t.noBaseline().orElse(null), List.of(), 0, List.of()));
        return new PerformanceView(id, state, zone, t.from(), t.to(), t.step().toMinutes(), margin, t.eventStart(),
                t.eventEnd(), steps, baseline,
                result.map(r -> r.intervals().stream().map(IntervalView::of).toList()).orElse(List.of()),
                result.map(r -> TotalsView.of(r.totals())).orElse(null), shortfall);
    }

    @POST
    @Path("/events/{id}/opt-in")
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public TransitionView optIn(@PathParam("id") String id, OptIn body) {
        String reason = body == null ? null : body.reason();
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason: required (why the site opts back into the event)");
        }
        if (reason.length() > MAX_REASON) {
            throw new IllegalArgumentException("reason: at most " + MAX_REASON + " characters (got " + reason.length() + ")");
        }
        DrTransition step = dr.optBackIn(id, reason, caller.actor(), caller.address());
        if (step.isRefused()) {
            throw new DrStepRefusedException("event '" + id + "': " + step.detail());
        }
        return TransitionView.of(step);
    }

    private static Double value(OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : null;
    }

    private static Double percent(OptionalDouble share) {
        return share.isPresent() ? 100 * share.getAsDouble() : null;
    }

    private EventView view(DrEventStatus s) {
        var span = dr.span(s.ref().eventId());
        return new EventView(s.ref().eventId(), s.ref().programId(), s.eventName(), s.ref().version(), s.state().name(),
                s.receivedAt(), s.changedAt(), span.map(DemandResponseRuntime.Span::start).orElse(null),
                span.map(DemandResponseRuntime.Span::end).orElse(null), s.decidedBy().orElse(null),
                s.reason().orElse(null), dr.history(s.ref().eventId()).stream().map(TransitionView::of).toList(),
                dr.shortfall(s.ref().eventId()).map(ShortfallView::of).orElse(null),
                guardLog.forEvent(s.ref().eventId()).stream().map(GuardActionView::of).toList());
    }
}
