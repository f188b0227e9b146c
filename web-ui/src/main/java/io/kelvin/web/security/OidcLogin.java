package io.kelvin.web.security;

import io.kelvin.core.identity.AuditEntry;
import io.kelvin.core.identity.AuditKind;
import io.kelvin.core.identity.AuditLog;
import io.kelvin.core.identity.Outcome;
import io.quarkus.oidc.SecurityEvent;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.util.TreeSet;

/**
 * The dashboard's login and logout through the identity provider.
 *
 * <p>{@code GET /oidc/login}: the path needs an identity from quarkus-oidc's code flow
 * ({@code quarkus.http.auth.permission.oidc-login}): a visitor without one is sent to the provider, comes
 * back here with the session cookie, the login is audited and the browser goes on to the dashboard.
 *
 * <p>{@code GET /oidc/logout} ({@code quarkus.oidc.logout.path}, run by quarkus-oidc's code mechanism,
 * {@code quarkus.http.auth.permission.oidc-logout}): with a provider session, quarkus-oidc removes its
 * session cookie and sends the browser to the provider's {@code end_session_endpoint} (OpenID Connect
 * RP-Initiated Logout 1.0, with {@code id_token_hint}), which ends the provider's session and sends it
 * back to {@code /login} ({@code quarkus.oidc.logout.post-logout-path}); the logout is audited from
 * quarkus-oidc's {@link SecurityEvent.Type#OIDC_LOGOUT_RP_INITIATED}. Without a provider session the path
 * leads to {@code /login}. Without a provider both paths are 404.
 */
@ApplicationScoped
public class OidcLogin {

    public static final String PATH = "/oidc/login";
    public static final String LOGOUT_PATH = "/oidc/logout";

    private final OidcIdentities oidc;
    private final AuditLog audit;

    OidcLogin(OidcIdentities oidc, AuditLog audit) {
        this.oidc = oidc;
        this.audit = audit;
    }

    void routes(@Observes Router router) {
        router.get(PATH).order(HttpHardening.FALLBACK_ORDER - 1).blockingHandler(this::landed);
        router.get(LOGOUT_PATH).order(HttpHardening.FALLBACK_ORDER - 1).handler(this::noProviderSession);
    }

    private void landed(RoutingContext context) {
        SecurityIdentity identity = context.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        if (!oidc.enabled() || identity == null || identity.isAnonymous()) {
            HttpHardening.problem(context, 404, "No resource at this path.");
            return;
        }
        String name = identity.getPrincipal().getName();
        String issuer = String.valueOf(identity.<String>getAttribute(OidcIdentities.ISSUER));
        audit.record(new AuditEntry(KelvinIdentities.actor(identity), AuditKind.LOGIN, name,
                ClientAddress.of(context), Outcome.SUCCESS, "identity provider " + issuer + ", roles "
                + new TreeSet<>(identity.getRoles())));
        context.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, "/").end();
    }

    /** Reached only without a provider session (with one, quarkus-oidc has already sent the browser to the provider). */
    private void noProviderSession(RoutingContext context) {
        if (!oidc.enabled()) {
            HttpHardening.problem(context, 404, "No resource at this path.");
            return;
        }
        context.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, "/login").end();
    }

    /** quarkus-oidc fires the event (also asynchronously) as it sends the browser to the provider's logout. */
    void loggedOut(@ObservesAsync SecurityEvent event) {
        if (event.getEventType() != SecurityEvent.Type.OIDC_LOGOUT_RP_INITIATED || event.getSecurityIdentity() == null) {
            return;
        }
        SecurityIdentity identity = oidc.toKelvin(event.getSecurityIdentity());
        String name = identity.getPrincipal().getName();
        RoutingContext context = identity.getAttribute(RoutingContext.class.getName());
        audit.record(new AuditEntry(KelvinIdentities.actor(identity), AuditKind.LOGOUT, name,
                ClientAddress.of(context), Outcome.SUCCESS, "identity provider "
                + identity.<String>getAttribute(OidcIdentities.ISSUER) + ", its session ended (RP-initiated logout)"));
    }
}
