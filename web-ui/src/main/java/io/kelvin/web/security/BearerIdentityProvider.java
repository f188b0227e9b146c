package io.kelvin.web.security;

import io.kelvin.core.identity.OAuthClient;
import io.kelvin.identity.Clients;
import io.kelvin.identity.token.AccessTokens;
import io.kelvin.identity.token.InvalidTokenException;
import io.kelvin.identity.token.VerifiedToken;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Verifies Kelvin's access tokens (signature, issuer, audience, expiry: {@link AccessTokens#verify}) and
 * then that the client is still enabled, so a disabled client's tokens stop working at once. The
 * roles come from the token's scopes. It sees only {@link KelvinTokenRequest}s ({@link BearerMechanism}), never
 * the tokens quarkus-oidc verifies.
 */
@ApplicationScoped
public class BearerIdentityProvider implements IdentityProvider<KelvinTokenRequest> {

    private final AccessTokens tokens;
    private final Clients clients;

    BearerIdentityProvider(AccessTokens tokens, Clients clients) {
        this.tokens = tokens;
        this.clients = clients;
    }

    @Override
    public Class<KelvinTokenRequest> getRequestType() {
        return KelvinTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(KelvinTokenRequest request, AuthenticationRequestContext context) {
        VerifiedToken token;
        try {
            token = tokens.verify(request.token());
        } catch (InvalidTokenException e) {
            return Uni.createFrom().failure(new AuthenticationFailedException(e.getMessage()));
        }
        return context.runBlocking(() -> {
            boolean enabled = clients.find(token.clientId()).map(OAuthClient::enabled).orElse(false);
            if (!enabled) {
                throw new AuthenticationFailedException("token of a disabled or removed client");
            }
            return KelvinIdentities.client(token.clientId(), token.roles(), token.scopes());
        });
    }
}
