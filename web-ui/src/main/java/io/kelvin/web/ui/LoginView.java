package io.kelvin.web.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.kelvin.web.runtime.KelvinSettings;
import io.kelvin.web.security.OidcLogin;

/**
 * The login page. The form posts to Quarkus' form authentication ({@code /j_security_check}), which
 * checks the password through the identity module (slowed and locked after failures) and sets the
 * session cookie; a refused login comes back to {@code /login-error}, saying only that the user name
 * or password was wrong (not which, nor whether the account is locked). When the site has an identity
 * provider ({@code kelvin.security.oidc.enabled}) a link under the form logs in through it instead
 * ({@link OidcLogin}).
 */
@Route("login")
@RouteAlias(LoginView.ERROR_ROUTE)
@PageTitle("Kelvin · Log in")
@AnonymousAllowed
public class LoginView extends Div implements BeforeEnterObserver {

    /** Where Quarkus sends a refused login (quarkus.http.auth.form.error-page). */
    static final String ERROR_ROUTE = "login-error";

    private final LoginForm form = new LoginForm();

    public LoginView(KelvinSettings settings) {
        addClassName("kelvin-login");
        form.setAction("j_security_check");
        form.setForgotPasswordButtonVisible(false);
        form.setId("login-form");
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getErrorMessage().setTitle("Wrong user name or password");
        i18n.getErrorMessage().setMessage("Check them and try again. After several failures logins are slowed and"
                + " then refused for a while.");
        form.setI18n(i18n);
        add(new H1("Kelvin"), new Paragraph("Data center energy and infrastructure"), form);
        if (settings.security().oidc().enabled()) {
            // A full page load (not a Vaadin navigation): the path belongs to quarkus-oidc's code flow.
            Anchor sso = new Anchor(OidcLogin.PATH, settings.security().oidc().loginLabel());
            sso.setRouterIgnore(true);
            sso.setId("oidc-login");
            add(sso);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        form.setError(ERROR_ROUTE.equals(event.getLocation().getPath()));
    }
}
