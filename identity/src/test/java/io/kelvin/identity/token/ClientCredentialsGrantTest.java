package io.kelvin.identity.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kelvin.core.identity.Actor;
import io.kelvin.core.identity.AuditKind;
import io.kelvin.core.identity.Role;
import io.kelvin.identity.Clients;
import io.kelvin.identity.MemoryStores;
import io.kelvin.identity.PasswordHasher;
import io.kelvin.identity.audit.AuditTrail;
import io.kelvin.testkit.SettableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientCredentialsGrantTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-06-01T08:00:00Z"));
    private final MemoryStores.Audit auditStore = new MemoryStores.Audit();
    private final AuditTrail audit = new AuditTrail(auditStore, clock);
    private final Clients clients = new Clients(new MemoryStores.Clients(), new PasswordHasher(4, new SecureRandom()),
            audit, clock, new SecureRandom());
    private final AccessTokens tokens = new AccessTokens(SigningKeys.generate(), "https://kelvin.test", Duration.ofMinutes(5),
            clock);
    private final ClientCredentialsGrant grant = new ClientCredentialsGrant(clients, tokens, audit);
    private final Clients.Issued vtn = clients.add("vtn-1", Role.GRID_OPERATOR, Set.of("read_all", "write_events"),
            Actor.system("test"), "-");

    @Test
    void basicCredentialsGetATokenWithTheClientsScopesAndRole() {
        TokenOutcome outcome = grant.handle(basic("vtn-1", vtn.secret(), "client_credentials", null));
        AccessTokens.Issued issued = ((TokenOutcome.Granted) outcome).token();
        // RFC 6749 5.1: expires_in is the lifetime in seconds.
        assertThat(issued.expiresInSeconds()).isEqualTo(300);
        VerifiedToken token = tokens.verify(issued.token());
        assertThat(token.clientId()).isEqualTo("vtn-1");
        assertThat(token.scopes()).containsExactlyInAnyOrder("read_all", "write_events");
        assertThat(token.roles()).containsExactly(Role.GRID_OPERATOR);
        assertThat(token.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
    }

    @Test
    void bodyCredentialsWorkAndANarrowerScopeIsHonoured() {
        TokenOutcome outcome = grant.handle(body("vtn-1", vtn.secret(), "client_credentials", "read_all"));
        assertThat(tokens.verify(((TokenOutcome.Granted) outcome).token().token()).scopes()).containsExactly("read_all");
    }

    @Test
    void errorsFollowRfc6749Section52() {
        assertRefused(basic("vtn-1", "wrong", "client_credentials", null), "invalid_client", 401, true);
        assertRefused(body("vtn-1", "wrong", "client_credentials", null), "invalid_client", 401, false);
        assertRefused(body("vtn-1", vtn.secret(), null, null), "invalid_request", 400, false);
        assertRefused(body("vtn-1", vtn.secret(), "password", null), "unsupported_grant_type", 400, false);
        assertRefused(body("vtn-1", vtn.secret(), "client_credentials", "write_vens"), "invalid_scope", 400, false);
        assertRefused(new TokenRequest(Optional.of("client_credentials"), Optional.empty(), Optional.of("vtn-1"),
                Optional.of(vtn.secret()), Optional.of("vtn-1"), Optional.of(vtn.secret()), "-"), "invalid_request", 400,
                false);
        assertThat(auditStore.last().orElseThrow().entry().kind()).isEqualTo(AuditKind.TOKEN_REFUSED);
    }

    @Test
    void disabledClientAndRotatedSecretGetNoToken() {
        Clients.Issued rotated = clients.rotate("vtn-1", Actor.system("test"), "-");
        assertRefused(basic("vtn-1", vtn.secret(), "client_credentials", null), "invalid_client", 401, true);
        assertThat(grant.handle(basic("vtn-1", rotated.secret(), "client_credentials", null)))
                .isInstanceOf(TokenOutcome.Granted.class);
        clients.disable("vtn-1", Actor.system("test"), "-");
        assertRefused(basic("vtn-1", rotated.secret(), "client_credentials", null), "invalid_client", 401, true);
    }

    @Test
    void expiredTokenAndForeignSignatureAreRefused() {
        String token = ((TokenOutcome.Granted) grant.handle(basic("vtn-1", vtn.secret(), "client_credentials", null)))
                .token().token();
        AccessTokens foreign = new AccessTokens(SigningKeys.generate(), "https://kelvin.test", Duration.ofMinutes(5), clock);
        assertThatThrownBy(() -> foreign.verify(token)).hasMessage("token not valid");

        clock.advance(Duration.ofMinutes(5).plus(AccessTokens.CLOCK_SKEW).plusSeconds(1));
        assertThatThrownBy(() -> tokens.verify(token)).hasMessage("token expired");
        assertThatThrownBy(() -> tokens.verify("not.a.token")).isInstanceOf(InvalidTokenException.class);
    }

    private void assertRefused(TokenRequest request, String error, int status, boolean challenge) {
        TokenOutcome outcome = grant.handle(request);
        assertThat(outcome).isInstanceOf(TokenOutcome.Refused.class);
        TokenOutcome.Refused refused = (TokenOutcome.Refused) outcome;
        assertThat(refused.error()).isEqualTo(error);
        assertThat(refused.status()).isEqualTo(status);
        assertThat(refused.challengeBasic()).isEqualTo(challenge);
    }

    private static TokenRequest basic(String id, String secret, String grantType, String scope) {
        return new TokenRequest(Optional.ofNullable(grantType), Optional.ofNullable(scope), Optional.of(id),
                Optional.of(secret), Optional.empty(), Optional.empty(), "192.0.2.1");
    }

    private static TokenRequest body(String id, String secret, String grantType, String scope) {
        return new TokenRequest(Optional.ofNullable(grantType), Optional.ofNullable(scope), Optional.empty(),
                Optional.empty(), Optional.of(id), Optional.of(secret), "192.0.2.1");
    }
}
