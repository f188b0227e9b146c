package io.kelvin.identity;

import io.kelvin.identity.audit.AuditTrail;
import io.kelvin.testkit.SettableClock;
import java.security.SecureRandom;
import java.time.Instant;

/** Identity services over in-memory stores with a settable clock and a cheap bcrypt cost. */
final class Fixture {

    final SettableClock clock = new SettableClock(Instant.parse("2026-06-01T08:00:00Z"));
    final MemoryStores.Users users = new MemoryStores.Users();
    final MemoryStores.Clients clientStore = new MemoryStores.Clients();
    final MemoryStores.Failures failures = new MemoryStores.Failures();
    final MemoryStores.Audit auditStore = new MemoryStores.Audit();
    final AuditTrail audit = new AuditTrail(auditStore, clock);
    final PasswordHasher hasher = new PasswordHasher(4, new SecureRandom());
    final Accounts accounts = new Accounts(users, failures, hasher, audit, clock, new SecureRandom());
    final Clients clients = new Clients(clientStore, hasher, audit, clock, new SecureRandom());

    LoginGuard guard(LoginPolicy policy) {
        return new LoginGuard(users, failures, hasher, policy, audit, clock);
    }
}
