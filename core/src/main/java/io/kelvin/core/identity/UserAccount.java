package io.kelvin.core.identity;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A person who logs in to the dashboard. {@code passwordHash} is a bcrypt hash (never the password);
 * {@code mustChangePassword} is set while the password is a one-time password an administrator or
 * the command line handed out. A disabled account cannot log in and its sessions end. Times are UTC.
 */
public record UserAccount(String username, String passwordHash, Set<Role> roles, boolean enabled,
                          boolean mustChangePassword, Instant createdAt, Instant passwordChangedAt) {

    public UserAccount {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(passwordChangedAt, "passwordChangedAt");
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public UserAccount withPassword(String hash, boolean mustChange, Instant at) {
        return new UserAccount(username, hash, roles, enabled, mustChange, createdAt, at);
    }

    public UserAccount withEnabled(boolean on) {
        return new UserAccount(username, passwordHash, roles, on, mustChangePassword, createdAt, passwordChangedAt);
    }
}
