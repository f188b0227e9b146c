package io.kelvin.web.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import io.kelvin.identity.Accounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.security.Principal;

/**
 * Turns on Vaadin's navigation access control for every UI: each view's {@code @RolesAllowed},
 * {@code @PermitAll} or {@code @AnonymousAllowed} decides (a view without one is closed to all), the
 * user and roles come from the request Quarkus authenticated, and a visitor who is not logged in is sent
 * to {@link LoginView}. Before that, a user who still holds a one-time password is sent to
 * {@link ChangePasswordView} whatever they asked for.
 */
@ApplicationScoped
public class ViewAccess {

    /** Looked up at navigation time: the service starts during static init, before the database exists. */
    private final Instance<Accounts> accounts;

    ViewAccess(Instance<Accounts> accounts) {
        this.accounts = accounts;
    }

    void onServiceInit(@Observes ServiceInitEvent event) {
        NavigationAccessControl access = new NavigationAccessControl();
        access.setLoginView(LoginView.class);
        event.getSource().addUIInitListener(init -> {
            init.getUI().addBeforeEnterListener(this::oneTimePasswordFirst);
            init.getUI().addBeforeEnterListener(access);
        });
    }

    private void oneTimePasswordFirst(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        if (target == ChangePasswordView.class || target == LoginView.class) {
            return;
        }
        VaadinRequest request = VaadinRequest.getCurrent();
        Principal user = request == null ? null : request.getUserPrincipal();
        if (user != null && accounts.get().find(user.getName()).map(a -> a.mustChangePassword()).orElse(false)) {
            event.rerouteTo(ChangePasswordView.class);
        }
    }
}
