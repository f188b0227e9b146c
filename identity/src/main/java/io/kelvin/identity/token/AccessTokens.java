package io.kelvin.identity.token;

import io.kelvin.core.identity.OAuthClient;
import io.kelvin.core.identity.Role;
import io.kelvin.identity.Scopes;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * Kelvin's own access tokens: JWS ES256 (RFC 7515/7518) signed with {@link SigningKeys}, claims {@code iss}
 * (the issuer), {@code aud} ({@code kelvin}), {@code sub} (client id), {@code scope} (space-separated, RFC
 * 8693 section 4.2), {@code groups} (the roles, for readers), {@code iat}, {@code exp} ({@code lifetime}
 * after issue) and a random {@code jti}. Verification checks the signature, algorithm, issuer, audience
 * and expiry (with {@link #CLOCK_SKEW} of leeway) against the injected clock; the roles come from the
 * scopes, not from {@code groups}.
 */
public final class AccessTokens {

    public static final String AUDIENCE = "kelvin";
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    private final SigningKeys keys;
    private final String issuer;
    private final Duration lifetime;
    private final InstantSource clock;

    public AccessTokens(SigningKeys keys, String issuer, Duration lifetime, InstantSource clock) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("token lifetime: must be positive, was " + lifetime);
        }
        this.keys = keys;
        this.issuer = issuer;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** A signed token and its lifetime in whole seconds ({@code expires_in}). */
    public record Issued(String token, long expiresInSeconds, Set<String> scopes) {
    }

    public Issued issue(OAuthClient client, Set<String> scopes) {
        Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        Set<String> roles = scopes.stream().map(Scopes::roleOf).flatMap(java.util.Optional::stream)
                .map(Role::name).collect(Collectors.toCollection(java.util.TreeSet::new));
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(AUDIENCE);
        claims.setSubject(client.clientId());
        claims.setClaim("scope", String.join(" ", scopes));
        claims.setStringListClaim("groups", java.util.List.copyOf(roles));
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(lifetime).getEpochSecond()));
        claims.setJwtId(UUID.randomUUID().toString());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.privateKey());
        jws.setKeyIdHeaderValue(keys.keyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        String token;
        try {
            token = jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("signing an access token failed: " + e.getMessage(), e);
        }
        return new Issued(token, lifetime.toSeconds(), scopes);
    }

    public String issuer() {
        return issuer;
    }

    /**
     * True when the token names Kelvin as its issuer (read without verifying anything): such tokens are
     * verified by {@link #verify}, others are left to an external identity provider when one is configured.
     */
    public boolean namesThisIssuer(String token) {
        JwtConsumer peek = new JwtConsumerBuilder().setSkipAllValidators().setDisableRequireSignature()
                .setSkipSignatureVerification().build();
        try {
            return issuer.equals(peek.processToClaims(token).getIssuer());
        } catch (InvalidJwtException | MalformedClaimException e) {
            return false;
        }
    }

    /** The token's content; {@link InvalidTokenException} with a short reason when it must be refused. */
    public VerifiedToken verify(String token) {
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setExpectedIssuer(issuer)
                .setExpectedAudience(AUDIENCE)
                .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                .setAllowedClockSkewInSeconds((int) CLOCK_SKEW.toSeconds())
                .setVerificationKey(keys.publicKey())
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256)
                .build();
        try {
            JwtClaims claims = consumer.processToClaims(token);
            String scope = claims.getClaimValueAsString("scope");
            Set<String> scopes = scope == null ? Set.of()
                    : new LinkedHashSet<>(Arrays.asList(scope.trim().split("\\s+")));
            Set<Role> roles = EnumSet.noneOf(Role.class);
            scopes.stream().map(Scopes::roleOf).flatMap(java.util.Optional::stream).forEach(roles::add);
            return new VerifiedToken(claims.getSubject(), Set.copyOf(scopes), Set.copyOf(roles),
                    Instant.ofEpochSecond(claims.getExpirationTime().getValue()));
        } catch (InvalidJwtException e) {
            throw new InvalidTokenException(e.hasExpired() ? "token expired" : "token not valid");
        } catch (MalformedClaimException e) {
            throw new InvalidTokenException("token claims malformed");
        }
    }
}
