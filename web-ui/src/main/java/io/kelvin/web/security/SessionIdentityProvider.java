package io.kelvin.web.security;

import io.kelvin.core.identity.UserAccount;
import io.kelvin.identity.Accounts;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Turns the dashboard's session cookie (the user name the form login sealed into it) back into an
 * identity on every request, reading the account afresh: a disabled or deleted user's session ends at
 * their next request, and role changes apply at once.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final Accounts accounts;

    SessionIdentityProvider(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            Optional<UserAccount> account = accounts.find(request.getPrincipal()).filter(UserAccount::enabled);
            if (account.isEmpty()) {
                throw new AuthenticationFailedException("session of a disabled or unknown user");
            }
            return KelvinIdentities.user(account.get());
        });
    }
}
