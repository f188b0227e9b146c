package io.kelvin.web.security;

import io.kelvin.identity.token.AccessTokens;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * {@code Authorization: Bearer} with a token Kelvin issued ({@code POST /oauth/token}): verified by
 * {@link BearerIdentityProvider}. A token that names another issuer goes to the site's OpenID Connect
 * identity provider when one is configured ({@link OidcIdentities#verifyBearer}) and is otherwise left
 * alone (no identity, so 401). The challenge is RFC 6750 section 3's {@code WWW-Authenticate: Bearer}.
 */
@ApplicationScoped
public class BearerMechanism implements HttpAuthenticationMechanism {

    static final String SCHEME = "bearer";
    private static final String PREFIX = "bearer ";

    private final AccessTokens tokens;
    private final OidcIdentities oidc;

    BearerMechanism(AccessTokens tokens, OidcIdentities oidc) {
        this.tokens = tokens;
        this.oidc = oidc;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if (context.normalizedPath().equals(io.kelvin.web.api.VtnCallbackResource.PATH)) {
            // The VTN's webhook carries the token Kelvin gave the VTN, checked by the callback itself.
            return Uni.createFrom().nullItem();
        }
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() <= PREFIX.length() || !header.regionMatches(true, 0, PREFIX, 0,
                PREFIX.length())) {
            return Uni.createFrom().nullItem();
        }
        String token = header.substring(PREFIX.length()).trim();
        if (!tokens.namesThisIssuer(token) && !looksUnsigned(token)) {
            return oidc.verifyBearer(token);
        }
        AuthenticationRequest request = new KelvinTokenRequest(token);
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identityProviderManager.authenticate(request);
    }

    /** Garbage that is not even a JWT is refused here rather than passed on as someone else's. */
    private static boolean looksUnsigned(String token) {
        return token.chars().filter(c -> c == '.').count() != 2;
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"kelvin\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(KelvinTokenRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, SCHEME));
    }
}
