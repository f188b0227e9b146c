package io.kelvin.state;

import io.kelvin.testkit.PostgresServer;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The grid API object store on a real PostgreSQL server started once for the class (testkit PostgresServer). */
class PostgresGridObjectStoreTest extends GridObjectStoreContractTest {

    private static PostgresServer server;
    private static DataSource dataSource;

    @BeforeAll
    static void start() {
        server = PostgresServer.startNew();
        dataSource = KelvinDatabase.simple(server.createDatabase("kelvin_grid"), PostgresServer.USER, "");
        KelvinDatabase.migrate(dataSource);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
