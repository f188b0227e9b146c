package io.kelvin.web.security;

import io.kelvin.core.identity.AuditLog;
import io.kelvin.identity.Accounts;
import io.kelvin.identity.Clients;
import io.kelvin.identity.LoginGuard;
import io.kelvin.identity.LoginPolicy;
import io.kelvin.identity.PasswordHasher;
import io.kelvin.identity.audit.AuditTrail;
import io.kelvin.identity.token.AccessTokens;
import io.kelvin.identity.token.ClientCredentialsGrant;
import io.kelvin.identity.token.SigningKeys;
import io.kelvin.state.JdbcAuditStore;
import io.kelvin.state.JdbcClientStore;
import io.kelvin.state.JdbcLoginFailureStore;
import io.kelvin.state.JdbcUserStore;
import io.kelvin.web.runtime.KelvinSettings;
import io.kelvin.web.runtime.SecuritySettings;
import io.kelvin.web.runtime.StateDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.InstantSource;
import javax.sql.DataSource;

/**
 * Wires the identity module to the state database: accounts, clients, login guard, the audit trail
 * (also as the {@link AuditLog} port every module records through) and Kelvin's access tokens, whose
 * signing keys live under {@code DATA_DIR/keys}.
 */
@ApplicationScoped
public class IdentityBeans {

    private final DataSource dataSource;
    private final SecuritySettings settings;
    private final KelvinSettings kelvin;
    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();

    IdentityBeans(StateDatabase database, KelvinSettings kelvin, InstantSource clock) {
        this.dataSource = database.dataSource();
        this.settings = kelvin.security();
        this.kelvin = kelvin;
        this.clock = clock;
    }

    @Produces
    @Singleton
    PasswordHasher passwordHasher() {
        return new PasswordHasher(settings.bcryptCost(), random);
    }

    /** Also the {@link AuditLog} port: every module records through this one trail. */
    @Produces
    @Singleton
    AuditTrail auditTrail() {
        return new AuditTrail(new JdbcAuditStore(dataSource), clock);
    }

    @Produces
    @Singleton
    Accounts accounts(PasswordHasher hasher, AuditTrail audit) {
        return new Accounts(new JdbcUserStore(dataSource), new JdbcLoginFailureStore(dataSource), hasher, audit, clock,
                random);
    }

    @Produces
    @Singleton
    Clients clients(PasswordHasher hasher, AuditTrail audit) {
        return new Clients(new JdbcClientStore(dataSource), hasher, audit, clock, random);
    }

    @Produces
    @Singleton
    LoginGuard loginGuard(PasswordHasher hasher, AuditTrail audit) {
        SecuritySettings.Login l = settings.login();
        LoginPolicy policy = new LoginPolicy(l.slowAfter(), l.firstDelay(), l.maxDelay(), l.lockAfter(), l.lockFor(),
                l.window());
        return new LoginGuard(new JdbcUserStore(dataSource), new JdbcLoginFailureStore(dataSource), hasher, policy,
                audit, clock);
    }

    @Produces
    @Singleton
    AccessTokens accessTokens() {
        SigningKeys keys = SigningKeys.loadOrCreate(kelvin.dataDir().toAbsolutePath().normalize().resolve("keys"));
        return new AccessTokens(keys, settings.tokenIssuer(), settings.tokenLifetime(), clock);
    }

    @Produces
    @Singleton
    ClientCredentialsGrant clientCredentialsGrant(Clients clients, AccessTokens tokens, AuditTrail audit) {
        return new ClientCredentialsGrant(clients, tokens, audit);
    }
}
