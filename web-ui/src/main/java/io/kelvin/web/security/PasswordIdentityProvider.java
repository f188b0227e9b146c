package io.kelvin.web.security;

import io.kelvin.identity.LoginGuard;
import io.kelvin.identity.LoginResult;
import io.kelvin.web.metrics.SecurityMetrics;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Checks the dashboard's login form ({@code POST /j_security_check}) through the identity module's
 * {@link LoginGuard}: counted, slowed (the answer is delayed without holding a thread), locked, audited.
 */
@ApplicationScoped
public class PasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final LoginGuard guard;
    private final SecurityMetrics metrics;

    PasswordIdentityProvider(LoginGuard guard, SecurityMetrics metrics) {
        this.guard = guard;
        this.metrics = metrics;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        String address = ClientAddress.of(HttpSecurityUtils.getRoutingContextAttribute(request));
        String password = new String(request.getPassword().getPassword());
        return Uni.createFrom().item(() -> guard.login(request.getUsername(), password, address))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onItem().transformToUni(result -> {
                    Uni<LoginResult> answer = Uni.createFrom().item(result);
                    return result.delay().isZero() ? answer : answer.onItem().delayIt().by(result.delay());
                })
                .map(result -> {
                    if (result instanceof LoginResult.Success success) {
                        return KelvinIdentities.user(success.account());
                    }
                    metrics.loginRefused();
                    throw new AuthenticationFailedException("wrong user name or password");
                });
    }
}
