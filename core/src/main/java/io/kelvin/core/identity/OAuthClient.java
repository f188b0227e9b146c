package io.kelvin.core.identity;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A machine that gets tokens by the OAuth2 client credentials grant (RFC 6749 section 4.4): its id,
 * a bcrypt hash of its secret (never the secret), the role it acts in, the scopes it may ask for
 * (each maps to that role, see the identity module's Scopes), and whether it is enabled. Tokens of a
 * disabled client stop working. Times are UTC.
 */
public record OAuthClient(String clientId, String secretHash, Role role, Set<String> scopes, boolean enabled,
                          Instant createdAt, Instant secretRotatedAt) {

    public OAuthClient {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(secretRotatedAt, "secretRotatedAt");
        scopes = Set.copyOf(new TreeSet<>(scopes == null ? Set.of() : scopes));
    }

    public OAuthClient withSecret(String hash, Instant at) {
        return new OAuthClient(clientId, hash, role, scopes, enabled, createdAt, at);
    }

    public OAuthClient withEnabled(boolean on) {
        return new OAuthClient(clientId, secretHash, role, scopes, on, createdAt, secretRotatedAt);
    }
}
