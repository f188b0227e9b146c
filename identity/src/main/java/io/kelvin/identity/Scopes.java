package io.kelvin.identity;

import io.kelvin.core.identity.Role;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * OAuth2 scopes a client may ask for, and the role each grants. Every role has one Kelvin scope
 * ({@code kelvin:viewer}, ...); the grid operator's clients use the OpenADR 3.1 scope names instead
 * (openadr3.yaml, components.securitySchemes.oAuth2ClientCredentials), all of which grant
 * {@link Role#GRID_OPERATOR} and ride along in the token for finer checks by the DR API.
 */
public final class Scopes {

    /** OpenADR 3.1.0 client-credentials scopes. */
    public static final List<String> OPENADR = List.of("read_all", "read_targets", "read_ven_objects",
            "write_programs", "write_events", "write_reports", "write_subscriptions", "write_vens");

    private static final Map<Role, List<String>> BY_ROLE = new EnumMap<>(Role.class);

    static {
        for (Role role : Role.values()) {
            BY_ROLE.put(role, role == Role.GRID_OPERATOR ? OPENADR : List.of(kelvinScope(role)));
        }
    }

    private Scopes() {
    }

    public static String kelvinScope(Role role) {
        return "kelvin:" + role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Every scope a client of {@code role} may be given. */
    public static List<String> allowedFor(Role role) {
        return BY_ROLE.get(role);
    }

    /** The role a scope grants, if it is one Kelvin knows. */
    public static Optional<Role> roleOf(String scope) {
        return BY_ROLE.entrySet().stream().filter(e -> e.getValue().contains(scope)).map(Map.Entry::getKey).findFirst();
    }

    /**
     * The scopes a client of {@code role} is given: all its role's scopes when {@code requested} is empty,
     * else {@code requested}, each of which must be one of them (IllegalArgumentException naming the scope).
     */
    public static Set<String> forClient(Role role, Set<String> requested) {
        if (requested == null || requested.isEmpty()) {
            return new LinkedHashSet<>(allowedFor(role));
        }
        for (String scope : requested) {
            if (!allowedFor(role).contains(scope)) {
                throw new IllegalArgumentException("scopes: '" + scope + "' is not a scope of " + role + " (one of "
                        + allowedFor(role) + ")");
            }
        }
        return new LinkedHashSet<>(requested);
    }
}
