package io.kelvin.core.identity;

import java.util.Locale;
import java.util.Optional;

/**
 * What a person or a machine may do in Kelvin. A role is granted as a whole; the route matrix in
 * web-ui/README.md says which routes and views each role reaches.
 *
 * <ul>
 *   <li>{@link #VIEWER}: the dashboard and the read API.</li>
 *   <li>{@link #OPERATOR}: acknowledges and shelves alarms, writes setpoints, cancels or holds jobs,
 *       opts out of a DR event with a reason; reads what a viewer reads.</li>
 *   <li>{@link #AUDITOR}: reads everything including the audit trail, exports reports, changes nothing.</li>
 *   <li>{@link #GRID_OPERATOR}: demand-response programs and events, reads DR performance.</li>
 *   <li>{@link #PLATFORM}: the AI platform's scheduler; submits and cancels jobs, reads plans.</li>
 *   <li>{@link #ADMIN}: users, clients, settings.</li>
 * </ul>
 */
public enum Role {
    VIEWER,
    OPERATOR,
    AUDITOR,
    GRID_OPERATOR,
    PLATFORM,
    ADMIN;

    /** Role names as written by people and in config: case-insensitive, '-' for '_'. */
    public static Optional<Role> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Role role : values()) {
            if (role.name().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
