package io.kelvin.web.security;

import io.kelvin.core.identity.Actor;
import io.kelvin.core.identity.Role;
import io.kelvin.core.identity.UserAccount;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.Collection;
import java.util.Optional;

/**
 * How Kelvin's callers become Quarkus security identities: the principal is the user name or client id,
 * the roles are {@link Role} names, and the attribute {@link #ACTOR_KIND} says which kind of caller it is
 * (for the audit trail). A user who still has a one-time password gets no roles at all, only the
 * attribute {@link #MUST_CHANGE_PASSWORD}: the dashboard then shows nothing but the password form.
 */
public final class KelvinIdentities {

    public static final String ACTOR_KIND = "kelvin.actor-kind";
    public static final String MUST_CHANGE_PASSWORD = "kelvin.must-change-password";

    private KelvinIdentities() {
    }

    public static SecurityIdentity user(UserAccount account) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(account.username()))
                .addAttribute(ACTOR_KIND, Actor.Kind.USER)
                .addAttribute(MUST_CHANGE_PASSWORD, account.mustChangePassword());
        if (!account.mustChangePassword()) {
            account.roles().forEach(r -> builder.addRole(r.name()));
        }
        return builder.build();
    }

    public static SecurityIdentity client(String clientId, Collection<Role> roles, Collection<String> scopes) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(clientId))
                .addAttribute(ACTOR_KIND, Actor.Kind.CLIENT)
                .addAttribute("scope", String.join(" ", scopes));
        roles.forEach(r -> builder.addRole(r.name()));
        return builder.build();
    }

    /** Who the identity is for the audit trail: anonymous when not logged in. */
    public static Actor actor(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Actor.ANONYMOUS;
        }
        Object kind = identity.getAttribute(ACTOR_KIND);
        String name = identity.getPrincipal().getName();
        return kind == Actor.Kind.CLIENT ? Actor.client(name) : Actor.user(name);
    }

    public static boolean mustChangePassword(SecurityIdentity identity) {
        return Boolean.TRUE.equals(Optional.ofNullable(identity).map(i -> i.getAttribute(MUST_CHANGE_PASSWORD))
                .orElse(false));
    }
}
