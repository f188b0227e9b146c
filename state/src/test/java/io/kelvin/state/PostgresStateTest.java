package io.kelvin.state;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;

/** The state adapters on a real PostgreSQL server ({@link TestDatabases#postgres}). */
class PostgresStateTest extends StateContractTest {

    private static DataSource dataSource;

    @BeforeAll
    static void start() {
        dataSource = TestDatabases.postgres("kelvin_state");
        assertThat(KelvinDatabase.migrate(dataSource)).as("nothing left to migrate").isZero();
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
