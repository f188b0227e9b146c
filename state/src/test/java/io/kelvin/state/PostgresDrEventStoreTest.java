package io.kelvin.state;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;

/** The DR event store on a real PostgreSQL server ({@link TestDatabases#postgres}). */
class PostgresDrEventStoreTest extends DrEventStoreContractTest {

    private static DataSource dataSource;

    @BeforeAll
    static void start() {
        dataSource = TestDatabases.postgres("kelvin_dr");
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
