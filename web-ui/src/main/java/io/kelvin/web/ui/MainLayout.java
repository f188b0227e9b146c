package io.kelvin.web.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.shared.Registration;
import io.kelvin.core.alarm.AckState;
import io.kelvin.core.alarm.Alarm;
import io.kelvin.core.alarm.AlarmDesk;
import io.kelvin.core.identity.AuditLog;
import io.kelvin.core.identity.Role;
import io.kelvin.identity.Accounts;
import io.kelvin.web.security.OidcIdentities;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The frame around every dashboard page after login: links to the pages the user's roles reach, an
 * alarm banner ({@code alarm-banner}, the number of unacknowledged alarms, pushed every 2 s, linking to
 * the alarms view; hidden when none) for those who read the site, who is signed in, "Change password" and "Log out". Every few seconds it checks that the account is still
 * enabled; a disabled user's open page ends at once (their next request would be refused anyway).
 */
@PermitAll
public class MainLayout extends Div implements RouterLayout {

    static final Duration ACCOUNT_CHECK = Duration.ofSeconds(5);
    static final Duration ALARM_BANNER = Duration.ofSeconds(2);
    static final int ALARMS_COUNTED = 1000;

    private final Accounts accounts;
    private final UiTicker ticker;
    private final AuditLog audit;
    private final AlarmDesk alarms;
    private final Div content = new Div();
    private final RouterLink alarmBanner = new RouterLink("", AlarmsView.class);
    private final boolean seesAlarms;
    private Registration accountCheck;
    private Registration bannerRefresh;

    public MainLayout(Accounts accounts, UiTicker ticker, AuditLog audit, AlarmDesk alarms) {
        this.accounts = accounts;
        this.ticker = ticker;
        this.audit = audit;
        this.alarms = alarms;
        addClassName("kelvin-shell");
        VaadinRequest request = VaadinRequest.getCurrent();
        String user = request == null || request.getUserPrincipal() == null ? "" : request.getUserPrincipal().getName();
        Nav nav = new Nav();
        nav.addClassName("kelvin-nav");
        nav.add(new Span("Kelvin"));
        seesAlarms = has(request, Role.VIEWER, Role.OPERATOR, Role.AUDITOR, Role.ADMIN);
        if (seesAlarms) {
            nav.add(link("Overview", OverviewView.class, "nav-overview"));
            nav.add(link("Alarms", AlarmsView.class, "nav-alarms"));
            nav.add(link("Devices", DevicesView.class, "nav-devices"));
        }
        if (has(request, Role.VIEWER, Role.OPERATOR, Role.AUDITOR, Role.PLATFORM, Role.ADMIN)) {
            nav.add(link("Plan", PlanView.class, "nav-plan"));
        }
        if (has(request, Role.VIEWER, Role.OPERATOR, Role.AUDITOR, Role.ADMIN)) {
            nav.add(link("Demand response", DrView.class, "nav-dr"));
        }
        if (has(request, Role.AUDITOR, Role.ADMIN)) {
            nav.add(link("Audit trail", AuditView.class, "nav-audit"));
            nav.add(link("Reports", ReportsView.class, "nav-reports"));
        }
        alarmBanner.setId("alarm-banner");
        alarmBanner.addClassName("kelvin-alarm-banner");
        alarmBanner.setVisible(false);
        if (seesAlarms) {
            nav.add(alarmBanner);
            showAlarmCount();
        }
        Span who = new Span(user);
        who.setId("signed-in-as");
        RouterLink password = link("Change password", ChangePasswordView.class, "nav-password");
        // The identity provider keeps the passwords of the people it vouches for.
        password.setVisible(!OidcIdentities.isExternal(user));
        Button logout = new Button("Log out", e -> Logout.now(UI.getCurrent(), user, audit));
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Div right = new Div(who, password, logout);
        right.addClassName("kelvin-nav-user");
        nav.add(right);
        content.addClassName("kelvin-content");
        add(nav, content);
    }

    /** The banner on every page: how many alarms wait for an acknowledgement, hidden when none. */
    private void showAlarmCount() {
        List<Alarm> current = alarms.current(ALARMS_COUNTED);
        long unacked = current.stream().filter(a -> a.marks().ack() == AckState.UNACKNOWLEDGED).count();
        long active = current.stream().filter(a -> a.phase().isActive()).count();
        alarmBanner.setText(unacked + " unacknowledged alarm" + (unacked == 1 ? "" : "s") + " (" + active + " active)");
        alarmBanner.setVisible(unacked > 0);
    }

    private static boolean has(VaadinRequest request, Role... roles) {
        if (request == null) {
            return false;
        }
        for (Role role : roles) {
            if (request.isUserInRole(role.name())) {
                return true;
            }
        }
        return false;
    }

    private static RouterLink link(String text, Class<? extends Component> view, String id) {
        RouterLink link = new RouterLink(text, view);
        link.setId(id);
        return link;
    }

    @Override
    public void showRouterLayoutContent(HasElement view) {
        content.getElement().removeAllChildren();
        content.getElement().appendChild(view.getElement());
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        Optional<String> user = Optional.ofNullable(VaadinRequest.getCurrent()).map(VaadinRequest::getUserPrincipal)
                .map(java.security.Principal::getName);
        // Local accounts only: the identity provider ends the sessions of the people it vouches for.
        user.filter(name -> !OidcIdentities.isExternal(name)).ifPresent(name -> accountCheck = ticker.push(ui,
                ACCOUNT_CHECK, () -> {
            boolean enabled = accounts.find(name).map(a -> a.enabled()).orElse(false);
            if (!enabled) {
                Logout.ended(ui);
            }
        }));
        if (seesAlarms) {
            bannerRefresh = ticker.push(ui, ALARM_BANNER, this::showAlarmCount);
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (accountCheck != null) {
            accountCheck.remove();
            accountCheck = null;
        }
        if (bannerRefresh != null) {
            bannerRefresh.remove();
            bannerRefresh = null;
        }
    }
}
