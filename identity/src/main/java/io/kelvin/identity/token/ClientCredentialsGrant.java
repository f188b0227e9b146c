package io.kelvin.identity.token;

import io.kelvin.core.identity.Actor;
import io.kelvin.core.identity.AuditEntry;
import io.kelvin.core.identity.AuditKind;
import io.kelvin.core.identity.AuditLog;
import io.kelvin.core.identity.OAuthClient;
import io.kelvin.core.identity.Outcome;
import io.kelvin.identity.Clients;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The OAuth2 client credentials grant (RFC 6749 section 4.4): checks the request, authenticates the
 * client (HTTP Basic or body credentials, never both: section 2.3), checks the scope and issues a
 * token. Refusals use the error codes of section 5.2 and are audited as TOKEN_REFUSED; tokens issued
 * are counted by the caller, not audited (clients fetch them every few minutes).
 */
public final class ClientCredentialsGrant {

    public static final String GRANT_TYPE = "client_credentials";

    private final Clients clients;
    private final AccessTokens tokens;
    private final AuditLog audit;

    public ClientCredentialsGrant(Clients clients, AccessTokens tokens, AuditLog audit) {
        this.clients = clients;
        this.tokens = tokens;
        this.audit = audit;
    }

    public TokenOutcome handle(TokenRequest request) {
        boolean basic = request.usedBasic();
        if (basic && (request.bodyClientId().isPresent() || request.bodySecret().isPresent())) {
            return refuse(request, "invalid_request", "use one client authentication method, not HTTP Basic and"
                    + " client_secret both (RFC 6749 section 2.3)", 400);
        }
        if (request.grantType().isEmpty()) {
            return refuse(request, "invalid_request", "grant_type: missing", 400);
        }
        Optional<String> clientId = basic ? request.basicClientId() : request.bodyClientId();
        Optional<String> secret = basic ? request.basicSecret() : request.bodySecret();
        if (clientId.isEmpty() || secret.isEmpty()) {
            return refuse(request, "invalid_client", "client authentication missing", 401);
        }
        Optional<OAuthClient> client = clients.authenticate(clientId.get(), secret.get());
        if (client.isEmpty()) {
            return refuse(request, "invalid_client", "client authentication failed", 401);
        }
        if (!GRANT_TYPE.equals(request.grantType().get())) {
            return refuse(request, "unsupported_grant_type", "grant_type: only client_credentials is supported", 400);
        }
        Set<String> scopes = requestedScopes(request.scope(), client.get());
        Optional<String> foreign = scopes.stream().filter(s -> !client.get().scopes().contains(s)).findFirst();
        if (foreign.isPresent() || scopes.isEmpty()) {
            return refuse(request, "invalid_scope", "scope: '" + foreign.orElse("") + "' is not granted to this client",
                    400);
        }
        return new TokenOutcome.Granted(tokens.issue(client.get(), scopes));
    }

    /** No scope parameter means every scope the client has (section 3.3 lets the server choose a default). */
    private static Set<String> requestedScopes(Optional<String> scope, OAuthClient client) {
        if (scope.isEmpty() || scope.get().isBlank()) {
            return client.scopes();
        }
        return new LinkedHashSet<>(Arrays.asList(scope.get().trim().split(" +")));
    }

    private TokenOutcome refuse(TokenRequest request, String error, String description, int status) {
        String who = request.usedBasic() ? request.basicClientId().orElse("-") : request.bodyClientId().orElse("-");
        audit.record(new AuditEntry(Actor.ANONYMOUS, AuditKind.TOKEN_REFUSED, who, request.address(), Outcome.DENIED,
                error + ": " + description));
        return new TokenOutcome.Refused(error, description, status, request.usedBasic() && status == 401);
    }
}
