package io.kelvin.identity;

import io.kelvin.core.identity.Actor;
import io.kelvin.core.identity.AuditEntry;
import io.kelvin.core.identity.AuditKind;
import io.kelvin.core.identity.AuditLog;
import io.kelvin.core.identity.LoginFailureStore;
import io.kelvin.core.identity.LoginFailures;
import io.kelvin.core.identity.Outcome;
import io.kelvin.core.identity.UserAccount;
import io.kelvin.core.identity.UserStore;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a user name and password under the {@link LoginPolicy}: failures (also for unknown names, so a
 * lock does not tell which names exist) are counted per user name in the database, slowed, then locked.
 * Every attempt is audited (LOGIN or LOGIN_FAILED with the address). Unknown names cost the same bcrypt
 * time as known ones.
 */
public final class LoginGuard {

    private final UserStore users;
    private final LoginFailureStore failures;
    private final PasswordHasher hasher;
    private final LoginPolicy policy;
    private final AuditLog audit;
    private final InstantSource clock;

    public LoginGuard(UserStore users, LoginFailureStore failures, PasswordHasher hasher, LoginPolicy policy,
                      AuditLog audit, InstantSource clock) {
        this.users = users;
        this.failures = failures;
        this.hasher = hasher;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    public LoginResult login(String username, String password, String address) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        String shownName = name.isEmpty() ? "-" : name;
        Instant now = clock.instant();
        Optional<LoginFailures> past = name.isEmpty() ? Optional.empty() : failures.find(name);
        Optional<Instant> lockedUntil = past.flatMap(LoginFailures::lockedUntil).filter(now::isBefore);
        if (lockedUntil.isPresent()) {
            audit.record(new AuditEntry(Actor.ANONYMOUS, AuditKind.LOGIN_FAILED, shownName, address, Outcome.DENIED,
                    "locked until " + lockedUntil.get()));
            return new LoginResult.Locked(lockedUntil.get(), policy.maxDelay());
        }
        Optional<UserAccount> account = name.isEmpty() ? Optional.empty() : users.find(name);
        String given = password == null ? "" : password;
        boolean matches;
        if (account.isPresent()) {
            matches = hasher.matches(given, account.get().passwordHash());
        } else {
            hasher.burn(given);
            matches = false;
        }
        if (matches && account.get().enabled()) {
            failures.clear(name);
            audit.record(new AuditEntry(Actor.user(name), AuditKind.LOGIN, name, address, Outcome.SUCCESS,
                    account.get().mustChangePassword() ? "one-time password" : ""));
            return new LoginResult.Success(account.get());
        }
        String reason = account.isEmpty() ? "unknown user" : matches ? "account disabled" : "wrong password";
        return refused(name, shownName, past, now, address, reason);
    }

    private LoginResult refused(String name, String shownName, Optional<LoginFailures> past, Instant now,
                                String address, String reason) {
        int count = past.filter(f -> now.isBefore(f.first().plus(policy.window())))
                .map(f -> f.count() + 1).orElse(1);
        Instant first = count == 1 ? now : past.get().first();
        Optional<Instant> lock = count >= policy.lockAfter() ? Optional.of(now.plus(policy.lockFor())) : Optional.empty();
        if (!name.isEmpty()) {
            failures.save(new LoginFailures(name, count, first, now, lock));
        }
        audit.record(new AuditEntry(Actor.ANONYMOUS, AuditKind.LOGIN_FAILED, shownName, address, Outcome.DENIED,
                reason + "; failure " + count + lock.map(u -> ", locked until " + u).orElse("")));
        if (lock.isPresent()) {
            return new LoginResult.Locked(lock.get(), policy.delayAfter(count));
        }
        return new LoginResult.Refused(policy.delayAfter(count));
    }
}
