package io.kelvin.core.identity;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Failed logins of one user name since the last success: how many, when the first and the last of
 * them happened, and until when further attempts are refused (empty while not locked). UTC.
 */
public record LoginFailures(String username, int count, Instant first, Instant last, Optional<Instant> lockedUntil) {

    public LoginFailures {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        Objects.requireNonNull(lockedUntil, "lockedUntil");
    }
}
