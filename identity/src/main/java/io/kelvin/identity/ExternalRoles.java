package io.kelvin.identity;

import io.kelvin.core.identity.Role;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Kelvin roles of a person or machine an external identity provider vouches for: each value of the
 * provider's role claim is looked up in the site's map (e.g. {@code dcim-ops -> OPERATOR}); a value
 * the map does not name counts as the role of that exact name ({@code OPERATOR}), and any other value
 * grants nothing. So a realm whose roles are named like Kelvin's needs no map at all.
 */
public final class ExternalRoles {

    private final Map<String, Role> map;

    public ExternalRoles(Map<String, Role> map) {
        Objects.requireNonNull(map, "map");
        map.forEach((value, role) -> {
            if (value == null || value.isBlank() || role == null) {
                throw new IllegalArgumentException("role map: '" + value + "' -> " + role + " is not a claim value and a role");
            }
        });
        this.map = Map.copyOf(map);
    }

    /** The Kelvin roles the claim values grant; values that are neither mapped nor role names are ignored. */
    public Set<Role> of(Collection<String> claimValues) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : claimValues) {
            if (value == null) {
                continue;
            }
            Role mapped = map.get(value);
            if (mapped != null) {
                roles.add(mapped);
            } else {
                byName(value).ifPresent(roles::add);
            }
        }
        return roles;
    }

    private static Optional<Role> byName(String value) {
        String name = value.trim().toUpperCase(Locale.ROOT);
        for (Role role : Role.values()) {
            if (role.name().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
