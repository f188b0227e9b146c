package io.kelvin.web.security;

import io.kelvin.core.identity.Actor;
import io.kelvin.core.identity.Role;
import io.kelvin.identity.ExternalRoles;
import io.kelvin.web.runtime.KelvinSettings;
import io.kelvin.web.runtime.SecuritySettings;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.json.JsonString;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * People and machines an OpenID Connect identity provider vouches for (quarkus-oidc's default tenant,
 * on when {@code kelvin.security.oidc.enabled}). quarkus-oidc verifies the token (signature against the
 * provider's keys, issuer, expiry) and reads the role claim ({@code kelvin.security.oidc.role-claim});
 * here the claim's values become Kelvin roles through {@link ExternalRoles} (values that are not Kelvin
 * roles are dropped) and the principal is named {@code oidc:<name>}, which no local account can be
 * named (local names have no colon), so the audit trail and the dashboard tell them apart. The token's
 * {@code scope} claim becomes the identity's {@code scope} attribute, as for Kelvin's own tokens, so the
 * grid API's OpenADR scopes ({@link Caller#hasScope}) hold the same for both.
 *
 * <p>As a {@link SecurityIdentityAugmentor} it converts the dashboard's code-flow identities; the API's
 * bearer tokens come through {@link BearerMechanism}, which asks {@link #verifyBearer} for tokens that
 * are not Kelvin's own.
 */
@ApplicationScoped
public class OidcIdentities implements SecurityIdentityAugmentor {

    /** Prefix of the principal name of an identity the provider vouches for. */
    public static final String PREFIX = "oidc:";
    /** Identity attribute: the provider's issuer ({@code iss}). */
    public static final String ISSUER = "kelvin.oidc-issuer";
    /** Identity attribute and token claim: the space-separated scope names ({@link Caller#hasScope}). */
    public static final String SCOPE = "scope";

    private final boolean enabled;
    private final ExternalRoles roles;
    private final Instance<TenantIdentityProvider> provider;

    OidcIdentities(KelvinSettings settings, Instance<TenantIdentityProvider> provider) {
        SecuritySettings.Oidc oidc = settings.security().oidc();
        this.enabled = oidc.enabled();
        this.roles = new ExternalRoles(oidc.roleMap());
        this.provider = provider;
    }

    public boolean enabled() {
        return enabled;
    }

    /** Whether a principal name is that of someone the identity provider vouches for (not a local account). */
    public static boolean isExternal(String principalName) {
        return principalName != null && principalName.startsWith(PREFIX);
    }

    /**
     * Verifies a bearer token with the identity provider: its identity with Kelvin roles, a failure when
     * the provider's checks refuse it, or no identity at all when no provider is configured.
     */
    Uni<SecurityIdentity> verifyBearer(String token) {
        if (!enabled) {
            return Uni.createFrom().nullItem();
        }
        return provider.get().authenticate(new AccessTokenCredential(token)).map(this::toKelvin);
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return Uni.createFrom().item(toKelvin(identity));
    }

    /** An identity quarkus-oidc made (its principal is the verified token) as a Kelvin user; others unchanged. */
    SecurityIdentity toKelvin(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)
                || identity.getAttribute(KelvinIdentities.ACTOR_KIND) != null) {
            return identity;
        }
        Set<Role> granted = roles.of(identity.getRoles());
        String name = token.getName() != null ? token.getName() : token.getSubject();
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new ExternalPrincipal(PREFIX + name, token))
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addAttribute(KelvinIdentities.ACTOR_KIND, Actor.Kind.USER)
                .addAttribute(KelvinIdentities.MUST_CHANGE_PASSWORD, false)
                .addAttribute(ISSUER, String.valueOf(token.getIssuer()));
        scopes(token).ifPresent(scopes -> builder.addAttribute(SCOPE, scopes));
        granted.forEach(role -> builder.addRole(role.name()));
        return builder.build();
    }

    /**
     * The token's standard {@code scope} claim (RFC 9068 / RFC 8693: space-separated scope names), as
     * Kelvin's own tokens carry it in the {@code scope} attribute; none when the token has no such claim
     * (an ID token of the code flow) or it is not a string.
     */
    static Optional<String> scopes(JsonWebToken token) {
        Object claim = token.getClaim(SCOPE);
        String text = claim instanceof JsonString json ? json.getString() : claim instanceof String s ? s : null;
        if (text == null) {
            return Optional.empty();
        }
        String normalised = String.join(" ", text.trim().split("\\s+"));
        return normalised.isEmpty() ? Optional.empty() : Optional.of(normalised);
    }

    /** The provider's token under the name {@code oidc:<name>}; every claim reads through. */
    static final class ExternalPrincipal implements JsonWebToken {

        private final String name;
        private final JsonWebToken token;

        ExternalPrincipal(String name, JsonWebToken token) {
            this.name = name;
            this.token = token;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public Set<String> getClaimNames() {
            return token.getClaimNames();
        }

        @Override
        public <T> T getClaim(String claimName) {
            return token.getClaim(claimName);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
