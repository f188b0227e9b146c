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
import io.kelvin.core.dr.VenStatus;
import io.kelvin.core.identity.Actor;
import io.kelvin.core.identity.Role;
import io.kelvin.core.site.DemandResponse;
import io.kelvin.core.site.Site;
import io.kelvin.greenpower.dr.oadr.Program;
import io.kelvin.web.dr.DemandResponseRuntime;
import io.kelvin.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Demand response at a glance: how the VEN stands with its VTN, the programs the site takes part in, and
 * every event with its lifecycle state and span in the site's time zone. An operator picks an event and
 * opts the site out with a reason (recorded in the audit trail like the API's opt-out).
 */
@Route(value = "dr", layout = MainLayout.class)
@PageTitle("Kelvin · Demand response")
@RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.AUDITOR, Roles.ADMIN})
public class DrView extends Div {

    static final Duration REFRESH = Duration.ofSeconds(5);

    private final DemandResponseRuntime dr;
    private final DateTimeFormatter time;
    private final Div ven = new Div();
    private final Grid<Program> programs = new Grid<>();
    private final Grid<DrEventStatus> events = new Grid<>();
    private final Div result = new Div();

    public DrView(DemandResponseRuntime dr, Site site, UiTicker ticker) {
        this.dr = dr;
        ticker.pushWhileAttached(this, REFRESH, this::refreshNow);
        ZoneId zone = site.info().timezone();
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
        result.setId("dr-opt-out-result");
        add(new H2("Demand response"), ven, new H3("Programs"), programs, new H3("Events"), events);
        if (isOperator()) {
            TextField reason = new TextField("Reason for opting out");
            reason.setId("dr-opt-out-reason");
            reason.setMaxLength(500);
            Button optOut = new Button("Opt out of the selected event", e -> optOut(reason));
            optOut.setId("dr-opt-out");
            Div form = new Div(reason, optOut);
            form.addClassName("kelvin-filters");
            add(form, result);
        }
        refreshNow();
    }

    private void optOut(TextField reason) {
        DrEventStatus selected = events.asSingleSelect().getValue();
        if (selected == null) {
            result.setText("Pick an event first.");
            return;
        }
        if (reason.getValue() == null || reason.getValue().isBlank()) {
            result.setText("Opting out needs a reason.");
            return;
        }
        VaadinRequest request = VaadinRequest.getCurrent();
        String user = request.getUserPrincipal().getName();
        DrTransition step = dr.optOut(selected.ref().eventId(), reason.getValue(), Actor.user(user),
                request.getRemoteAddr());
        result.setText(step.isRefused() ? "Refused: " + step.detail()
                : "Opted out of " + selected.ref().eventId() + ": " + step.detail());
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
        if (selected != null) {
            all.stream().filter(s -> s.ref().eventId().equals(selected.ref().eventId())).findFirst()
                    .ifPresent(events::select);
        }
    }

    private static boolean isOperator() {
        VaadinRequest request = VaadinRequest.getCurrent();
        return request != null && request.isUserInRole(Role.OPERATOR.name());
    }
}
