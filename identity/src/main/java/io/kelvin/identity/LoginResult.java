package io.kelvin.identity;

import io.kelvin.core.identity.UserAccount;
import java.time.Duration;
import java.time.Instant;

/**
 * The answer to a login attempt. {@code delay} is how long the caller must wait before answering the
 * person (slowing guessing down); it is zero for a success.
 */
public sealed interface LoginResult {

    Duration delay();

    /** Right password, enabled account. {@code mustChangePassword} tells the dashboard to ask for a new one first. */
    record Success(UserAccount account) implements LoginResult {
        @Override
        public Duration delay() {
            return Duration.ZERO;
        }
    }

    /** Unknown user, wrong password or disabled account: the person is told only "wrong user name or password". */
    record Refused(Duration delay) implements LoginResult {
    }

    /** Too many failures: refused whatever the password until {@code until}. */
    record Locked(Instant until, Duration delay) implements LoginResult {
    }
}
