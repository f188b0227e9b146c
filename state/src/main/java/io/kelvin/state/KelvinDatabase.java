package io.kelvin.state;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The state database: where it is by default and how its schema is brought up to date. Every Flyway
 * migration of Kelvin lives in this module ({@code db/migration}, portable SQL for H2 2.x and PostgreSQL);
 * the app runs {@link #migrate} at start and the command line before it touches a stopped or running
 * site's database.
 */
public final class KelvinDatabase {

    /** File name stem of the H2 database under the data dir ({@code kelvin-db.mv.db}). */
    public static final String H2_NAME = "kelvin-db";
    public static final String H2_USER = "kelvin";
    static final String H2_BIND_ADDRESS = "h2.bindAddress";

    private KelvinDatabase() {
    }

    /**
     * The H2 URL of a data dir's database. {@code AUTO_SERVER=TRUE} lets a second process (the command
     * line while the app runs) open it: the first opener serves it on a loopback TCP port it records
     * in the lock file, and the others connect there.
     */
    public static String h2Url(Path dataDir) {
        loopbackOnly();
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve(H2_NAME) + ";AUTO_SERVER=TRUE";
    }

    /**
     * H2 serves AUTO_SERVER on {@code h2.bindAddress}: set to 127.0.0.1 (unless set already) so the
     * port is reachable from this machine only, and H2 does not resolve the host name (which can take
     * seconds where DNS is unreachable). Must happen before H2 first loads, hence from {@link #h2Url}.
     */
    private static void loopbackOnly() {
        if (System.getProperty(H2_BIND_ADDRESS) == null) {
            System.setProperty(H2_BIND_ADDRESS, "127.0.0.1");
        }
    }

    /** Applies every pending migration; returns how many ran. IllegalStateException when the database refuses. */
    public static int migrate(DataSource dataSource) {
        try {
            MigrateResult result = Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            return result.migrationsExecuted;
        } catch (FlywayException e) {
            throw new IllegalStateException("database: migration failed: " + e.getMessage(), e);
        }
    }

    /** A data source that opens a new connection each time (the command line, tests); the app pools its own. */
    public static DataSource simple(String url, String user, String password) {
        return new DriverDataSource(url, user, password);
    }

    private record DriverDataSource(String url, String user, String password) implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public Connection getConnection(String otherUser, String otherPassword) throws SQLException {
            return DriverManager.getConnection(url, otherUser, otherPassword);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // DriverManager logs on its own
        }

        @Override
        public void setLoginTimeout(int seconds) {
            DriverManager.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() {
            return DriverManager.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException("no parent logger");
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
