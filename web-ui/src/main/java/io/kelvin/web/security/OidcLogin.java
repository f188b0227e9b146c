package io.kelvin.web.security;

import io.kelvin.core.identity.AuditEntry;
import io.kelvin.core.identity.AuditKind;
import io.kelvin.core.identity.AuditLog;
import io.kelvin.core.identity.Outcome;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code GET /oidc/login}, the dashboard's login through the identity provider. The path needs an
 * identity from quarkus-oidc's code flow ({@code quarkus.http.auth.permission.oidc-login}): a visitor
 * without one is sent to the provider, comes back here with the session cookie, the login is audited
 * and the browser goes on to the dashboard. Without a provider the path is 404.
 */
@ApplicationScoped
public class OidcLogin {

    public static final String PATH = "/oidc/login";

    private final OidcIdentities oidc;
    private final AuditLog audit;

    OidcLogin(OidcIdentities oidc, AuditLog audit) {
        this.oidc = oidc;
        this.audit = audit;
    }

    void routes(@Observes Router router) {
        router.get(PATH).order(HttpHardening.FALLBACK_ORDER - 1).blockingHandler(this::landed);
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
                + new java.util.TreeSet<>(identity.getRoles())));
        context.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, "/").end();
    }
}
