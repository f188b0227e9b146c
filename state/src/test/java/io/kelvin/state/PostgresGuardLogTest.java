package io.kelvin.state;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;

/** The DR cap guard log on a real PostgreSQL server ({@link TestDatabases#postgres}). */
class PostgresGuardLogTest extends GuardLogContractTest {

    private static DataSource dataSource;

    @BeforeAll
    static void start() {
        dataSource = TestDatabases.postgres("kelvin_guard");
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
