package io.kelvin.web.security;

import io.kelvin.core.identity.Actor;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.RequestScoped;

/** Who is calling and from where, for the audit records a REST resource writes. */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;
    private final CurrentVertxRequest request;

    Caller(SecurityIdentity identity, CurrentVertxRequest request) {
        this.identity = identity;
        this.request = request;
    }

    public Actor actor() {
        return KelvinIdentities.actor(identity);
    }

    /** Whether the caller's token carries the OAuth2 scope (machine clients; people and other tokens carry none). */
    public boolean hasScope(String scope) {
        Object scopes = identity.getAttribute("scope");
        return scopes instanceof String text && java.util.Arrays.asList(text.split(" ")).contains(scope);
    }

    public String address() {
        return ClientAddress.of(request.getCurrent());
    }
}
