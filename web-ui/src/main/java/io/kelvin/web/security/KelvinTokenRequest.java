package io.kelvin.web.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/**
 * A bearer token that names Kelvin as its issuer, as {@link BearerMechanism} found it: a request type
 * of Kelvin's own, so that only {@link BearerIdentityProvider} sees it. quarkus-oidc hands the ID and
 * access tokens of the dashboard's code flow to the identity providers as
 * {@link io.quarkus.security.identity.request.TokenAuthenticationRequest}; had Kelvin's provider claimed
 * that type too, the two would share it at equal priority, and whichever came first in the app's bean
 * order would get the provider's ID token (Kelvin's refusing it with "token not valid").
 */
public final class KelvinTokenRequest extends BaseAuthenticationRequest {

    private final String token;

    public KelvinTokenRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
