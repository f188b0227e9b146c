package io.kelvin.web.cli;

import io.kelvin.core.identity.Actor;
import io.kelvin.identity.Accounts;
import io.kelvin.identity.Clients;
import io.kelvin.identity.PasswordHasher;
import io.kelvin.identity.audit.AuditTrail;
import io.kelvin.state.JdbcAuditStore;
import io.kelvin.state.JdbcClientStore;
import io.kelvin.state.JdbcLoginFailureStore;
import io.kelvin.state.JdbcUserStore;
import io.kelvin.state.KelvinDatabase;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.InstantSource;
import javax.sql.DataSource;

/**
 * What a command works with: the state database of a data dir (H2 {@code DATA_DIR/kelvin-db}, opened
 * beside a running app through AUTO_SERVER, or a PostgreSQL URL), migrated first, and the identity
 * services over it, with the person at the terminal as the audit actor ({@code cli:<os user>}).
 * The command line is a composition root too, so it reads the real clock.
 */
public final class CliContext {

    private final DataSource dataSource;
    private final PrintStream out;
    private final Actor actor;
    private final InstantSource clock = InstantSource.system();
    private final SecureRandom random = new SecureRandom();
    private final AuditTrail audit;
    private final PasswordHasher hasher;

    CliContext(DataSource dataSource, PrintStream out) {
        this.dataSource = dataSource;
        this.out = out;
        this.actor = Actor.system("cli:" + System.getProperty("user.name", "unknown"));
        this.audit = new AuditTrail(new JdbcAuditStore(dataSource), clock);
        this.hasher = PasswordHasher.standard();
    }

    /** H2 under {@code dataDir} unless a JDBC URL is given; migrated before use. */
    static CliContext open(Path dataDir, String jdbcUrl, String user, String password, PrintStream out) {
        DataSource dataSource = jdbcUrl == null
                ? KelvinDatabase.simple(KelvinDatabase.h2Url(dataDir), KelvinDatabase.H2_USER, "")
                : KelvinDatabase.simple(jdbcUrl, user, password);
        KelvinDatabase.migrate(dataSource);
        return new CliContext(dataSource, out);
    }

    public PrintStream out() {
        return out;
    }

    public Actor actor() {
        return actor;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public AuditTrail audit() {
        return audit;
    }

    public Accounts accounts() {
        return new Accounts(new JdbcUserStore(dataSource), new JdbcLoginFailureStore(dataSource), hasher, audit, clock,
                random);
    }

    public Clients clients() {
        return new Clients(new JdbcClientStore(dataSource), hasher, audit, clock, random);
    }
}
