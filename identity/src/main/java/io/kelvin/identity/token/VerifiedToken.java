package io.kelvin.identity.token;

import io.kelvin.core.identity.Role;
import java.time.Instant;
import java.util.Set;

/** What a valid access token says: the client it was issued to, its scopes, the roles they grant, and when it expires (UTC). */
public record VerifiedToken(String clientId, Set<String> scopes, Set<Role> roles, Instant expiresAt) {
}
