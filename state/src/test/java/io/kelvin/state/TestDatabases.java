package io.kelvin.state;

import io.kelvin.testkit.PostgresServer;
import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * The databases the contract tests run on, migrated as the app migrates them: an H2 file database with the URL
 * the app and the command line use, and databases on one real PostgreSQL server (testkit {@link PostgresServer})
 * started on first use and stopped when the test JVM ends, so the test classes do not each start a server.
 */
final class TestDatabases {

    private static PostgresServer server;

    private TestDatabases() {
    }

    static DataSource h2(Path dataDir) {
        DataSource dataSource = KelvinDatabase.simple(KelvinDatabase.h2Url(dataDir), KelvinDatabase.H2_USER, "");
        KelvinDatabase.migrate(dataSource);
        return dataSource;
    }

    /** A new, migrated database of that name on the shared PostgreSQL server. */
    static synchronized DataSource postgres(String database) {
        if (server == null) {
            server = PostgresServer.startNew();
            PostgresServer started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "postgres-test-server-stop"));
        }
        DataSource dataSource = KelvinDatabase.simple(server.createDatabase(database), PostgresServer.USER, "");
        KelvinDatabase.migrate(dataSource);
        return dataSource;
    }
}
