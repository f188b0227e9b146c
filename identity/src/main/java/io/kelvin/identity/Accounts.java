package io.kelvin.identity;

import io.kelvin.core.identity.Actor;
import io.kelvin.core.identity.AuditEntry;
import io.kelvin.core.identity.AuditKind;
import io.kelvin.core.identity.AuditLog;
import io.kelvin.core.identity.LoginFailureStore;
import io.kelvin.core.identity.Outcome;
import io.kelvin.core.identity.Role;
import io.kelvin.core.identity.UserAccount;
import io.kelvin.core.identity.UserStore;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Managing people's accounts: create (with a generated one-time password that must be changed at the
 * first login), change one's own password, reset a password (a new one-time password), disable and
 * enable, list. Every change is audited with who did it and from where; a refused change is audited as
 * DENIED and changes nothing. The same operations serve the command line and the admin API.
 */
public final class Accounts {

    private final UserStore users;
    private final LoginFailureStore failures;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final InstantSource clock;
    private final SecureRandom random;

    public Accounts(UserStore users, LoginFailureStore failures, PasswordHasher hasher, AuditLog audit,
                    InstantSource clock, SecureRandom random) {
        this.users = users;
        this.failures = failures;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
        this.random = random;
    }

    /** An account and the one-time password it was created or reset with, shown once and never stored. */
    public record Issued(UserAccount account, String oneTimePassword) {
    }

    /** Creates a user; IllegalArgumentException naming the field for a bad name or no role, AlreadyExists when taken. */
    public Issued create(String username, Set<Role> roles, Actor by, String address) {
        String name = Names.username(username, "username");
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("roles: at least one of " + List.of(Role.values()));
        }
        String password = Secrets.password(random);
        Instant now = now();
        UserAccount account = new UserAccount(name, hasher.hash(password), roles, true, true, now, now);
        if (!users.insert(account)) {
            audit.record(new AuditEntry(by, AuditKind.USER_CREATED, name, address, Outcome.DENIED, "name taken"));
            throw new AlreadyExistsException("username: a user '" + name + "' already exists");
        }
        audit.record(new AuditEntry(by, AuditKind.USER_CREATED, name, address, Outcome.SUCCESS, "roles=" + roles));
        return new Issued(account, password);
    }

    /** The user changes their own password, proving the current one; ends the one-time password. */
    public UserAccount changePassword(String username, String current, String next, String address) {
        UserAccount account = existing(username);
        Actor by = Actor.user(account.username());
        if (!hasher.matches(current == null ? "" : current, account.passwordHash())) {
            audit.record(new AuditEntry(by, AuditKind.PASSWORD_CHANGED, account.username(), address, Outcome.DENIED,
                    "current password wrong"));
            throw new IllegalArgumentException("currentPassword: does not match");
        }
        PasswordPolicy.check(account.username(), next, "newPassword");
        if (next.equals(current)) {
            throw new IllegalArgumentException("newPassword: must differ from the current password");
        }
        UserAccount changed = account.withPassword(hasher.hash(next), false, now());
        users.update(changed);
        audit.record(new AuditEntry(by, AuditKind.PASSWORD_CHANGED, account.username(), address, Outcome.SUCCESS, ""));
        return changed;
    }

    /** An administrator (or the command line) gives the user a new one-time password and lifts a lock. */
    public Issued resetPassword(String username, Actor by, String address) {
        UserAccount account = existing(username);
        String password = Secrets.password(random);
        UserAccount changed = account.withPassword(hasher.hash(password), true, now());
        users.update(changed);
        failures.clear(account.username());
        audit.record(new AuditEntry(by, AuditKind.USER_PASSWORD_RESET, account.username(), address, Outcome.SUCCESS,
                "one-time password issued"));
        return new Issued(changed, password);
    }

    public UserAccount disable(String username, Actor by, String address) {
        return setEnabled(username, false, by, address);
    }

    public UserAccount enable(String username, Actor by, String address) {
        return setEnabled(username, true, by, address);
    }

    private UserAccount setEnabled(String username, boolean on, Actor by, String address) {
        UserAccount account = existing(username);
        UserAccount changed = account.withEnabled(on);
        users.update(changed);
        audit.record(new AuditEntry(by, on ? AuditKind.USER_ENABLED : AuditKind.USER_DISABLED, account.username(),
                address, Outcome.SUCCESS, ""));
        return changed;
    }

    public List<UserAccount> list() {
        return users.all();
    }

    public Optional<UserAccount> find(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return users.find(username.trim().toLowerCase(java.util.Locale.ROOT));
    }

    /** True when there is at least one enabled ADMIN (first start creates one when there is none). */
    public boolean hasEnabledAdmin() {
        return users.all().stream().anyMatch(u -> u.enabled() && u.roles().contains(Role.ADMIN));
    }

    private UserAccount existing(String username) {
        String name = Names.username(username, "username");
        return users.find(name).orElseThrow(() -> new NotFoundException("username: no user '" + name + "'"));
    }

    private Instant now() {
        return Instant.ofEpochMilli(clock.millis());
    }
}
