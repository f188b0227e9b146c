package io.kelvin.web.security;

import io.kelvin.core.identity.Role;

/**
 * {@link Role} names as constants for {@code @RolesAllowed} (annotation values must be constants). The
 * route matrix in web-ui/README.md is the source of truth; RouteMatrixTest holds the app to it.
 */
public final class Roles {

    public static final String VIEWER = "VIEWER";
    public static final String OPERATOR = "OPERATOR";
    public static final String AUDITOR = "AUDITOR";
    public static final String GRID_OPERATOR = "GRID_OPERATOR";
    public static final String PLATFORM = "PLATFORM";
    public static final String ADMIN = "ADMIN";

    static {
        for (Role role : Role.values()) {
            if (!java.util.List.of(VIEWER, OPERATOR, AUDITOR, GRID_OPERATOR, PLATFORM, ADMIN).contains(role.name())) {
                throw new IllegalStateException("Roles is missing " + role);
            }
        }
    }

    private Roles() {
    }
}
