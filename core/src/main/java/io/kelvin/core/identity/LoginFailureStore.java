package io.kelvin.core.identity;

import java.util.Optional;

/**
 * Port to the failed-login counters, kept in the database so a lock holds across restarts and
 * between the app and the command line.
 */
public interface LoginFailureStore {

    Optional<LoginFailures> find(String username);

    /** Inserts or replaces the counter of {@code failures.username()}. */
    void save(LoginFailures failures);

    /** Forgets the user's failures (after a successful login or a password reset). */
    void clear(String username);
}
