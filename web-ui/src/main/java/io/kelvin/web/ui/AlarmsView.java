package io.kelvin.web.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import io.kelvin.core.alarm.AckState;
import io.kelvin.core.alarm.ActionResult;
import io.kelvin.core.alarm.Alarm;
import io.kelvin.core.alarm.AlarmDesk;
import io.kelvin.core.alarm.AlarmPhase;
import io.kelvin.core.alarm.AuditedAlarmActions;
import io.kelvin.core.alarm.Note;
import io.kelvin.core.alarm.Shelving;
import io.kelvin.core.identity.Actor;
import io.kelvin.core.identity.Role;
import io.kelvin.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The site's current alarms, active first by severity, refreshed by server push. An OPERATOR acts on
 * them here: acknowledge with the comment typed above the list, shelve (for the chosen time, or until it
 * returns to normal) with that text as the reason, unshelve. Everyone else sees the same list without
 * the buttons. Actions go through {@link AuditedAlarmActions}, as the REST API's do, and the answer (done,
 * or why not in the desk's or the device's words) shows in {@code alarm-action-result}. Cells and buttons
 * carry ids made of the alarm's URL id ({@code alarm-ID-phase}, {@code ack-ID}, {@code shelve-ID}, ...).
 */
@Route(value = "alarms", layout = MainLayout.class)
@PageTitle("Kelvin · Alarms")
@RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.AUDITOR, Roles.ADMIN})
public class AlarmsView extends Div {

    static final Duration REFRESH = Duration.ofSeconds(2);
    static final int SHOWN = 500;
    /** Shelving choices; "until normal" is a one-shot shelving. */
    private static final List<String> SHELVE_FOR = List.of("15 min", "1 h", "8 h", "24 h", "until normal");

    private final AlarmDesk desk;
    private final AuditedAlarmActions actions;
    private final boolean operator;
    private final Grid<Alarm> grid = new Grid<>();
    private final Span summary = new Span();
    private final Span result = new Span();
    private final TextField comment = new TextField("Comment / shelving reason");
    private final Select<String> shelveFor = new Select<>();
    private List<Alarm> shown = List.of();

    public AlarmsView(AlarmDesk desk, AuditedAlarmActions actions, UiTicker ticker) {
        this.desk = desk;
        this.actions = actions;
        ticker.pushWhileAttached(this, REFRESH, this::refresh);
        VaadinRequest request = VaadinRequest.getCurrent();
        this.operator = request != null && request.isUserInRole(Role.OPERATOR.name());
        addClassName("kelvin-page");
        summary.setId("alarms-summary");
        summary.addClassName("kelvin-updated");
        result.setId("alarm-action-result");
        grid.setId("alarms-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(Alarm::severity).setHeader("Severity").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(a -> cell(a, "phase", a.phase().name())).setHeader("State").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Alarm::device).setHeader("Device").setAutoWidth(true);
        grid.addComponentColumn(a -> cell(a, "message", a.sourceName() + " · " + a.conditionName() + ": " + a.message()
                + a.quality().map(q -> " (" + q + ")").orElse(""))).setHeader("Alarm").setFlexGrow(3);
        grid.addColumn(a -> a.raisedAt().toString()).setHeader("Raised").setAutoWidth(true);
        grid.addComponentColumn(a -> cell(a, "ack", note(a.marks().ackNote()))).setHeader("Acknowledged").setFlexGrow(2);
        grid.addComponentColumn(a -> cell(a, "shelving", shelving(a))).setHeader("Shelving").setAutoWidth(true);
        Div top = new Div(new H2("Alarms"), summary);
        if (operator) {
            comment.setId("alarm-comment");
            comment.setWidth("28em");
            shelveFor.setId("shelve-for");
            shelveFor.setLabel("Shelve for");
            shelveFor.setItems(SHELVE_FOR);
            shelveFor.setValue("1 h");
            grid.addComponentColumn(this::buttons).setHeader("Act").setAutoWidth(true);
            Div form = new Div(comment, shelveFor);
            form.addClassName("kelvin-filters");
            add(top, form, result, grid);
        } else {
            add(top, result, grid);
        }
        refresh();
    }

    private void refresh() {
        List<Alarm> alarms = desk.current(SHOWN);
        if (!alarms.equals(shown)) {
            // only on a change, so a button is not replaced under the operator's pointer
            shown = alarms;
            grid.setItems(alarms);
        }
        long unacked = alarms.stream().filter(a -> a.marks().ack() == AckState.UNACKNOWLEDGED).count();
        long active = alarms.stream().filter(a -> a.phase().isActive()).count();
        summary.setText(alarms.size() + " current alarms: " + active + " active, " + unacked + " unacknowledged");
    }

    private Div buttons(Alarm a) {
        Div buttons = new Div();
        if (a.phase() == AlarmPhase.CLEARED || !a.enabled()) {
            return buttons;
        }
        String id = a.key().id();
        if (a.marks().ack() == AckState.UNACKNOWLEDGED) {
            buttons.add(button("Acknowledge", "ack-" + id, actor -> actions.acknowledge(a.key(), actor, address(),
                    comment.getValue())));
        }
        if (a.marks().shelving() == Shelving.UNSHELVED) {
            buttons.add(button("Shelve", "shelve-" + id, actor -> actions.shelve(a.key(), actor, address(),
                    shelveDuration(), comment.getValue())));
        } else if (a.marks().shelving().isShelved()) {
            buttons.add(button("Unshelve", "unshelve-" + id, actor -> actions.unshelve(a.key(), actor, address(),
                    comment.getValue())));
        }
        return buttons;
    }

    private Button button(String text, String id, Function<Actor, ActionResult> action) {
        Button button = new Button(text, e -> {
            VaadinRequest request = VaadinRequest.getCurrent();
            if (request == null || request.getUserPrincipal() == null || !request.isUserInRole(Role.OPERATOR.name())) {
                result.setText("Only an operator may act on alarms.");
                return;
            }
            ActionResult outcome = action.apply(Actor.user(request.getUserPrincipal().getName()));
            result.setText(switch (outcome) {
                case ActionResult.Done done -> text + ": done, " + done.alarm().key().device() + " now "
                        + done.alarm().phase() + (done.alarm().marks().shelving().isShelved() ? ", shelved" : "");
                case ActionResult.Rejected rejected -> text + " not done: " + rejected.reason();
            });
            refresh();
        });
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }

    private Optional<Duration> shelveDuration() {
        return switch (shelveFor.getValue() == null ? "1 h" : shelveFor.getValue()) {
            case "15 min" -> Optional.of(Duration.ofMinutes(15));
            case "8 h" -> Optional.of(Duration.ofHours(8));
            case "24 h" -> Optional.of(Duration.ofHours(24));
            case "until normal" -> Optional.empty();
            default -> Optional.of(Duration.ofHours(1));
        };
    }

    private static String address() {
        VaadinRequest request = VaadinRequest.getCurrent();
        return request == null ? "-" : request.getRemoteAddr();
    }

    private static String note(Optional<Note> note) {
        return note.map(n -> n.by() + " at " + n.at() + (n.comment().isBlank() ? "" : ": " + n.comment())).orElse("");
    }

    private static String shelving(Alarm a) {
        return switch (a.marks().shelving()) {
            case NOT_OFFERED -> "not offered";
            case UNSHELVED -> "no";
            case TIMED -> "until " + a.marks().shelvedUntil().map(Object::toString).orElse("?");
            case ONE_SHOT -> "until normal";
        };
    }

    private static Span cell(Alarm a, String key, String text) {
        Span span = new Span(text);
        span.setId("alarm-" + a.key().id() + "-" + key);
        return span;
    }
}
