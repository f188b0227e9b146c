package io.kelvin.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A compact JWS (RFC 7515 section 7.1) taken apart, not verified: its header, its claims, the
 * signing input ({@code header.payload}) and the signature bytes, for tests that read claims or
 * check the signature themselves against a JWKS.
 */
public record Jwt(JsonNode header, JsonNode claims, String signingInput, byte[] signature) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static Jwt decode(String compact) {
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a compact JWS: " + parts.length + " parts instead of 3");
        }
        Base64.Decoder base64 = Base64.getUrlDecoder();
        try {
            return new Jwt(JSON.readTree(base64.decode(parts[0])), JSON.readTree(base64.decode(parts[1])),
                    parts[0] + "." + parts[1], base64.decode(parts[2]));
        } catch (IOException e) {
            throw new UncheckedIOException("JWT header or payload is not JSON", e);
        }
    }

    /** A string claim, or "" when absent. */
    public String string(String claim) {
        return claims.path(claim).asText("");
    }

    /** A claim that is a string or an array of strings (like {@code aud}), as a set; empty when absent. */
    public Set<String> strings(String claim) {
        JsonNode node = claims.path(claim);
        Set<String> values = new LinkedHashSet<>();
        if (node.isArray()) {
            node.forEach(value -> values.add(value.asText()));
        } else if (node.isTextual()) {
            values.add(node.asText());
        }
        return values;
    }

    /** Kelvin's roles from the realm's {@link KeycloakRealm#ROLE_CLAIM} claim. */
    public Set<String> roles() {
        return strings(KeycloakRealm.ROLE_CLAIM);
    }

    /** {@code exp} (RFC 7519 section 4.1.4), seconds since the epoch. */
    public Instant expiresAt() {
        return Instant.ofEpochSecond(claims.path("exp").asLong());
    }

    /** {@code iat} (RFC 7519 section 4.1.6). */
    public Instant issuedAt() {
        return Instant.ofEpochSecond(claims.path("iat").asLong());
    }
}
