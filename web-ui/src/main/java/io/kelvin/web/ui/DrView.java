package io.kelvin.web.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import io.kelvin.core.dr.DrEventStatus;
import io.kelvin.core.dr.DrTransition;
import io.kelvin.core.dr.GuardAction;
import io.kelvin.core.dr.GuardLog;
import io.kelvin.core.dr.VenStatus;
import io.kelvin.core.identity.Actor;
import io.kelvin.core.identity.Role;
import io.kelvin.core.site.DemandResponse;
import io.kelvin.core.site.Site;
import io.kelvin.greenpower.dr.baseline.EventPerformance;
import io.kelvin.greenpower.dr.baseline.EventTimeline;
import io.kelvin.greenpower.dr.oadr.Program;
import io.kelvin.web.dr.DemandResponseRuntime;
import io.kelvin.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Demand response at a glance: how the VEN stands with its VTN, the programs the site takes part in, and
 * every event with its lifecycle state and span in the site's time zone. The selected event (at first the one
 * under way, else the next, else the latest) is drawn against the metered grid import, its cap and its baseline
 * ({@link DrChart}), with delivered versus requested curtailment per cap interval and in total, and the shortfall
 * the newest plan names, if any, and what the cap guard on the meter did for it (jobs paused and released). An operator opts the site out of the selected event with a reason, or back
 * into it (recorded in the audit trail like the API's opt-out and opt-in).
 */
@Route(value = "dr", layout = MainLayout.class)
@PageTitle("Kelvin · Demand response")
@RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.AUDITOR, Roles.ADMIN})
public class DrView extends Div {

    static final Duration REFRESH = Duration.ofSeconds(5);
    /** How often the shown event's timeline is read again while it stays shown (its steps are 15 minutes). */
    static final Duration TIMELINE_REFRESH = Duration.ofMinutes(1);

    private final DemandResponseRuntime dr;
    private final DateTimeFormatter time;
    private final Div ven = new Div();
    private final Grid<Program> programs = new Grid<>();
    private final Grid<DrEventStatus> events = new Grid<>();
    private final Div result = new Div();
    private final ZoneId zone;
    private final Div timelineTitle = new Div();
    private final DrChart chart = new DrChart();
    private final Grid<PerformanceRow> performance = new Grid<>();
    private final Div baseline = new Div();
    private final Div shortfall = new Div();
    private final Grid<GuardAction> guardActions = new Grid<>();
    private final GuardLog guardLog;
    private String shown;
    /** The event the timeline was last read for, and when. */
    private String timelineOf;
    private Instant timelineAt = Instant.MIN;

    /** One row of the delivered-versus-baseline grid, as shown (kW and kWh to one decimal). */
    record PerformanceRow(String interval, String capKw, String baselineKw, String actualKw, String requestedKwh,
                          String deliveredKwh, String deliveredPercent, String aboveCapKwh, String capKept,
                          String measuredPercent) {
    }

    public DrView(DemandResponseRuntime dr, Site site, UiTicker ticker, GuardLog guardLog) {
        this.dr = dr;
        this.guardLog = guardLog;
        ticker.pushWhileAttached(this, REFRESH, this::refreshNow);
        this.zone = site.info().timezone();
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        addClassName("kelvin-page");
        ven.setId("dr-ven");
        programs.setId("dr-programs");
        programs.addColumn(Program::programName).setHeader("Program").setAutoWidth(true);
        programs.addColumn(Program::id).setHeader("VTN id").setAutoWidth(true);
        programs.addColumn(p -> dr.settings().flatMap(s -> s.program(p.programName())).map(DemandResponse.Program::hard)
                .orElse(true) ? "hard caps" : "soft caps").setHeader("Caps").setAutoWidth(true);
        programs.setAllRowsVisible(true);
        events.setId("dr-events");
        events.addColumn(s -> s.ref().eventId()).setHeader("Event").setAutoWidth(true);
        events.addColumn(DrEventStatus::eventName).setHeader("Name").setAutoWidth(true);
        events.addColumn(s -> s.state().name()).setHeader("State").setAutoWidth(true);
        events.addColumn(s -> span(s, true)).setHeader("Starts (" + zone.getId() + ")").setAutoWidth(true);
        events.addColumn(s -> span(s, false)).setHeader("Ends").setAutoWidth(true);
        events.addColumn(s -> time.format(s.receivedAt())).setHeader("Received").setAutoWidth(true);
        events.addColumn(s -> time.format(s.changedAt())).setHeader("Changed").setAutoWidth(true);
        events.addColumn(s -> s.decidedBy().orElse("") + s.reason().map(r -> ": " + r).orElse(""))
                .setHeader("Decision").setFlexGrow(1);
        events.setAllRowsVisible(true);
        events.asSingleSelect().addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                shown = e.getValue().ref().eventId();
                showTimeline();
            }
        });
        result.setId("dr-opt-out-result");
        add(new H2("Demand response"), ven, new H3("Programs"), programs, new H3("Events"), events);
        if (isOperator()) {
            TextField reason = new TextField("Reason for opting out or back in");
            reason.setId("dr-opt-out-reason");
            reason.setMaxLength(500);
            Button optOut = new Button("Opt out of the selected event",
                    e -> decide(reason, dr::optOut, "Opted out of", "Opting out"));
            optOut.setId("dr-opt-out");
            Button optIn = new Button("Opt back in", e -> decide(reason, dr::optBackIn, "Opted back into", "Opting back in"));
            optIn.setId("dr-opt-in");
            Div form = new Div(reason, optOut, optIn);
            form.addClassName("kelvin-filters");
            add(form, result);
        }
        timelineTitle.setId("dr-timeline-title");
        chart.setWidthFull();
        chart.setHeight("360px");
        performance.setId("dr-performance");
        performance.addColumn(PerformanceRow::interval).setHeader("Interval (" + zone.getId() + ")").setAutoWidth(true);
        performance.addColumn(PerformanceRow::capKw).setHeader("Cap kW").setAutoWidth(true);
        performance.addColumn(PerformanceRow::baselineKw).setHeader("Baseline kW").setAutoWidth(true);
        performance.addColumn(PerformanceRow::actualKw).setHeader("Metered kW").setAutoWidth(true);
        performance.addColumn(PerformanceRow::requestedKwh).setHeader("Requested kWh").setAutoWidth(true);
        performance.addColumn(PerformanceRow::deliveredKwh).setHeader("Delivered kWh").setAutoWidth(true);
        performance.addColumn(PerformanceRow::deliveredPercent).setHeader("Delivered %").setAutoWidth(true);
        performance.addColumn(PerformanceRow::aboveCapKwh).setHeader("Above cap kWh").setAutoWidth(true);
        performance.addColumn(PerformanceRow::capKept).setHeader("Cap kept").setAutoWidth(true);
        performance.addColumn(PerformanceRow::measuredPercent).setHeader("Measured %").setAutoWidth(true);
        performance.setAllRowsVisible(true);
        baseline.setId("dr-baseline");
        shortfall.setId("dr-shortfall");
        guardActions.setId("dr-guard-actions");
        guardActions.addColumn(a -> time.format(a.at())).setHeader("At (" + zone.getId() + ")").setAutoWidth(true);
        guardActions.addColumn(a -> a.action().name()).setHeader("Action").setAutoWidth(true);
        guardActions.addColumn(a -> a.jobs().stream().map(j -> j.jobId() + " " + number(j.kw()) + " kW")
                .collect(java.util.stream.Collectors.joining(", "))).setHeader("Jobs (kW at the meter)").setFlexGrow(1);
        guardActions.addColumn(a -> number(a.meteredKw())).setHeader("Metered kW").setAutoWidth(true);
        guardActions.addColumn(a -> number(a.capKw())).setHeader("Cap kW").setAutoWidth(true);
        guardActions.setAllRowsVisible(true);
        add(new H3("Timeline against the meter"), timelineTitle, chart, new H3("Delivered versus baseline"), baseline,
                performance, shortfall, new H3("Cap guard on the meter"), guardActions);
        refreshNow();
    }

    /** Draws the shown event's timeline and its delivered-versus-baseline rows. */
    private void showTimeline() {
        guardActions.setItems(shown == null ? List.of() : guardLog.forEvent(shown));
        if (shown == null) {
            timelineTitle.setText("No event to show.");
            performance.setItems(List.of());
            baseline.setText("");
            shortfall.setText("");
            return;
        }
        shortfall.setText(dr.shortfall(shown).map(s -> "Shortfall of the newest plan: up to " + number(s.peakKw())
                + " kW, " + number(s.excessKwh()) + " kWh above the cap from " + time.format(s.from()) + " to "
                + time.format(s.to()) + (s.jobsMissed().isEmpty() ? "" : "; jobs that would miss: "
                + String.join(", ", s.jobsMissed())) + (s.proven() ? " (no plan could keep it)" : "")).orElse(""));
        // The timeline reads weeks of meter data for its baseline: read it again only for another event or once
        // TIMELINE_REFRESH has passed, not on every refresh of the page.
        Instant now = dr.now();
        if (shown.equals(timelineOf) && now.isBefore(timelineAt.plus(TIMELINE_REFRESH))) {
            return;
        }
        timelineOf = shown;
        timelineAt = now;
        Optional<EventTimeline.Timeline> timeline = dr.timeline(shown);
        if (timeline.isEmpty()) {
            timelineTitle.setText(shown + ": its span is not known (no longer held, no import cap).");
            performance.setItems(List.of());
            baseline.setText("");
            timelineOf = null; // nothing read yet: try again at the next refresh
            return;
        }
        EventTimeline.Timeline t = timeline.get();
        timelineTitle.setText(shown + ": " + time.format(t.eventStart()) + " to " + time.format(t.eventEnd()) + " ("
                + zone.getId() + "), shown from " + EventTimeline.MARGIN.toHours() + " h before to "
                + EventTimeline.MARGIN.toHours() + " h after, in " + t.step().toMinutes() + "-minute steps");
        chart.show(shown, t, zone, now);
        List<PerformanceRow> rows = new ArrayList<>();
        t.performance().ifPresent(p -> {
            p.intervals().forEach(i -> rows.add(new PerformanceRow(time.format(i.start()) + " to " + time.format(i.end()),
                    number(i.capKw()), number(i.baselineKw()), number(i.actualKw()), number(i.requestedKwh()),
                    number(i.deliveredKwh()), percent(i.deliveredShare()), number(i.aboveCapKwh()),
                    i.capKept().map(k -> k ? "yes" : "no").orElse("not measured"), number(100 * i.measuredShare()))));
            EventPerformance.Totals sum = p.totals();
            rows.add(new PerformanceRow("Total", "", "", "", number(sum.requestedKwh()), number(sum.deliveredKwh()),
                    percent(sum.deliveredShare()), number(sum.aboveCapKwh()), sum.intervalsKept() + "/" + sum.intervals(),
                    number(100 * sum.measuredShare())));
        });
        performance.setItems(rows);
        baseline.setText(t.noBaseline().orElseGet(() -> t.performance().map(p -> p.baseline().method() + " over "
                + p.baseline().days().size() + " days, day-of adjustment " + String.format(Locale.ROOT, "%.3f",
                p.baseline().adjustment()) + (p.baseline().notes().isEmpty() ? "" : "; " + String.join("; ",
                p.baseline().notes()))).orElse("")));
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String number(OptionalDouble value) {
        return value.isPresent() ? number(value.getAsDouble()) : "";
    }

    private static String percent(OptionalDouble share) {
        return share.isPresent() ? number(100 * share.getAsDouble()) : "";
    }

    /** A step an operator takes on an event with a reason: opting out or back in. */
    private interface OperatorStep {
        DrTransition take(String eventId, String reason, Actor actor, String address);
    }

    /**
     * Takes {@code step} on the selected event with the form's reason, and says what came of it ({@code done}
     * names the step, {@code needs} says why a reason is asked for).
     */
    private void decide(TextField reason, OperatorStep step, String done, String needs) {
        DrEventStatus selected = events.asSingleSelect().getValue();
        if (selected == null) {
            result.setText("Pick an event first.");
            return;
        }
        if (reason.getValue() == null || reason.getValue().isBlank()) {
            result.setText(needs + " needs a reason.");
            return;
        }
        VaadinRequest request = VaadinRequest.getCurrent();
        String user = request.getUserPrincipal().getName();
        DrTransition taken = step.take(selected.ref().eventId(), reason.getValue(), Actor.user(user),
                request.getRemoteAddr());
        result.setText(taken.isRefused() ? "Refused: " + taken.detail()
                : done + " " + selected.ref().eventId() + ": " + taken.detail());
        reason.clear();
        refreshNow();
    }

    private String span(DrEventStatus status, boolean start) {
        return dr.span(status.ref().eventId()).map(s -> time.format(start ? s.start() : s.end())).orElse("");
    }

    private void refreshNow() {
        if (!dr.configured()) {
            ven.setText("Demand response is not configured (no demandResponse: section in the site file).");
        } else if (dr.venStatus().isEmpty()) {
            ven.setText("Demand response: " + dr.sources() + ".");
        } else {
            VenStatus s = dr.venStatus().orElseThrow();
            String vtn = dr.settings().flatMap(d -> d.vtnUrl()).map(Object::toString).orElse("");
            ven.setText("VTN " + vtn + ": " + (s.connected() ? "connected" : "not connected")
                    + s.lastSuccess().map(t -> ", last exchange " + time.format(t)).orElse("")
                    + (s.connected() ? "" : s.lastError().map(e -> ", " + e).orElse(""))
                    + s.nextAttempt().filter(t -> !s.connected()).map(t -> ", next attempt " + time.format(t)).orElse(""));
        }
        programs.setItems(dr.programs());
        DrEventStatus selected = events.asSingleSelect().getValue();
        var all = dr.events();
        events.setItems(all);
        if (shown == null || all.stream().noneMatch(s -> s.ref().eventId().equals(shown))) {
            shown = selected != null ? selected.ref().eventId() : dr.eventToShow().orElse(null);
        }
        if (selected != null) {
            all.stream().filter(s -> s.ref().eventId().equals(selected.ref().eventId())).findFirst()
                    .ifPresent(events::select);
        }
        showTimeline();
    }

    private static boolean isOperator() {
        VaadinRequest request = VaadinRequest.getCurrent();
        return request != null && request.isUserInRole(Role.OPERATOR.name());
    }
}
