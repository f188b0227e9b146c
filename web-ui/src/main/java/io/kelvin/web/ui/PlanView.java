package io.kelvin.web.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.kelvin.core.plan.PlanCosts;
import io.kelvin.core.plan.PlanInput;
import io.kelvin.core.plan.StoredPlan;
import io.kelvin.core.site.Site;
import io.kelvin.web.overview.PlanScreen;
import io.kelvin.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The newest plan: its header (id, when and why it was made, planner, solver status, predicted cost, CO2 and PUE,
 * the gap to the bound the planner proved),
 * the inputs it was made from with the fallbacks and stale ones flagged, its horizon as a chart and its jobs as a
 * Gantt with each job's explanation on hover, all times in the site's zone. Before the first plan it says how
 * plans get made. Checked every 5 s: a new plan shows without a reload, and an unchanged one is not redrawn.
 */
@Route(value = "plan", layout = MainLayout.class)
@PageTitle("Kelvin · Plan")
@RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.AUDITOR, Roles.PLATFORM, Roles.ADMIN})
public class PlanView extends Div {

    static final Duration REFRESH = Duration.ofSeconds(5);

    private final PlanScreen screen;
    private final InstantSource clock;
    private final ZoneId zone;
    private final DateTimeFormatter time;
    private final Div none = new Div();
    private final Div content = new Div();
    private final Div header = new Div();
    private final Div inputsWarning = new Div();
    private final Grid<PlanInput> inputs = new Grid<>();
    private final PlanChart chart = new PlanChart();
    private final PlanGantt gantt = new PlanGantt();
    private PlanScreen.Shown drawn;
    private Instant drawnAt;

    public PlanView(PlanScreen screen, Site site, InstantSource clock, UiTicker ticker) {
        this.screen = screen;
        this.clock = clock;
        this.zone = site.info().timezone();
        this.time = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ENGLISH).withZone(zone);
        addClassName("kelvin-page");
        none.setId("plan-none");
        none.setText("No plan yet. Kelvin makes a plan as soon as a job is submitted (POST /api/v1/jobs, by the AI"
                + " platform) or a demand-response cap is in force, re-plans every few minutes and whenever demand"
                + " response changes a cap; the plan then shows here.");
        header.setId("plan-header");
        header.addClassName("kelvin-plan-header");
        inputsWarning.setId("plan-inputs-warning");
        inputsWarning.addClassName("kelvin-plan-warning");
        inputs.setId("plan-inputs");
        inputs.addColumn(PlanInput::input).setHeader("Input").setAutoWidth(true);
        inputs.addColumn(i -> (flagged(i) ? "\u26a0 " : "") + i.freshness().name()).setHeader("Freshness")
                .setAutoWidth(true);
        inputs.addColumn(i -> i.fallbackSlots() + " of " + i.slots()).setHeader("Fallback slots").setAutoWidth(true);
        inputs.addColumn(i -> i.refreshedAt() == null ? "never" : time.format(i.refreshedAt())).setHeader("Refreshed")
                .setAutoWidth(true);
        inputs.addColumn(PlanInput::source).setHeader("Source").setAutoWidth(true);
        inputs.addColumn(PlanInput::detail).setHeader("Detail").setFlexGrow(1);
        inputs.setPartNameGenerator(i -> flagged(i) ? "plan-input-flagged" : null);
        inputs.setAllRowsVisible(true);
        chart.setWidthFull();
        chart.setHeight("520px");
        gantt.setWidthFull();
        content.add(header, new H3("Horizon (" + zone.getId() + ")"), chart, new H3("Jobs"), gantt,
                new H3("Inputs"), inputsWarning, inputs);
        content.setWidthFull();
        add(new H2("Plan"), none, content);
        ticker.pushWhileAttached(this, REFRESH, this::refreshNow);
        refreshNow();
    }

    /**
     * Shows the newest plan. A tick that finds what is shown (the same plan, job states and inputs) in the same minute
     * (the "now" mark moves once a minute) changes nothing on the page.
     */
    private void refreshNow() {
        Optional<PlanScreen.Shown> shown = screen.current();
        none.setVisible(shown.isEmpty());
        content.setVisible(shown.isPresent());
        if (shown.isEmpty()) {
            drawn = null;
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        if (!shown.get().equals(drawn) || !now.equals(drawnAt)) {
            show(shown.get(), now);
            drawn = shown.get();
            drawnAt = now;
        }
    }

    private void show(PlanScreen.Shown s, Instant now) {
        StoredPlan p = s.plan();
        header.removeAll();
        PlanCosts c = p.predicted();
        header.add(fact("plan-id", "Plan", String.valueOf(p.id())),
                fact("plan-made", "Made", time.format(p.createdAt()) + " " + zone.getId()),
                fact("plan-reason", "Why", p.reason()),
                fact("plan-planner", "Planner", p.planner() + (p.fallback() ? " (fallback: " + p.fallbackReason() + ")" : "")),
                fact("plan-status", "Solver status", p.solverStatus()
                        + (p.cutByWallClock() ? ", cut short by the wall-clock cap" : "")
                        + (p.drRelaxed() ? ", DR caps relaxed" : "")),
                fact("plan-cost", "Predicted cost", String.format(Locale.ROOT, "%.2f EUR", c.costEur())),
                fact("plan-co2", "Predicted CO2", String.format(Locale.ROOT, "%.1f kg", c.co2Kg())),
                fact("plan-pue", "Predicted PUE", String.format(Locale.ROOT, "%.3f", c.pue())),
                fact("plan-import", "Grid import", String.format(Locale.ROOT, "%.0f kWh", c.importKwh())),
                fact("plan-gap", "Gap", gap(p)),
                fact("plan-solve", "Solve", p.solveMillis() + " ms, work " + p.workUsed()));
        List<PlanInput> flagged = s.flaggedInputs();
        inputsWarning.setVisible(!flagged.isEmpty());
        inputsWarning.setText("\u26a0 " + flagged.size() + " of " + p.inputs().size()
                + " inputs were fallbacks or not fresh: " + flagged.stream()
                .map(i -> i.input() + " (" + i.freshness().name() + ", " + i.fallbackSlots() + " fallback slots)")
                .collect(Collectors.joining(", ")));
        inputs.setItems(p.inputs());
        chart.show(s.horizon(), zone, now);
        gantt.show(p.horizonStart(), p.slotMinutes(), p.slots().size(), s.jobs(), zone, now);
    }

    /** "gap 1.2 % (bound 1,234 EUR)", or "no bound" when the planner proved none. */
    static String gap(StoredPlan p) {
        if (p.bound() == null) {
            return "no bound";
        }
        return String.format(Locale.ENGLISH, "gap %.1f %% (bound %,.0f EUR)", p.bound().gap() * 100,
                p.bound().lowerBoundEur());
    }

    private static boolean flagged(PlanInput i) {
        return i.fallback() || i.freshness() != PlanInput.Freshness.FRESH;
    }

    private static Div fact(String id, String label, String value) {
        Span name = new Span(label);
        name.addClassName("kelvin-plan-fact-label");
        Span text = new Span(value == null ? "" : value);
        text.setId(id);
        Div fact = new Div(name, text);
        fact.addClassName("kelvin-plan-fact");
        return fact;
    }
}
