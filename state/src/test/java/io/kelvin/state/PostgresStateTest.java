package io.kelvin.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.testkit.PostgresServer;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The state adapters on a real PostgreSQL server started once for the class (testkit PostgresServer). */
class PostgresStateTest extends StateContractTest {

    private static PostgresServer server;
    private static DataSource dataSource;

    @BeforeAll
    static void start() {
        server = PostgresServer.startNew();
        dataSource = KelvinDatabase.simple(server.createDatabase("kelvin_state"), PostgresServer.USER, "");
        assertThat(KelvinDatabase.migrate(dataSource)).isGreaterThanOrEqualTo(3);
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
