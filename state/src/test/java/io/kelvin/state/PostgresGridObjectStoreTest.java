package io.kelvin.state;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;

/** The grid API object store on a real PostgreSQL server ({@link TestDatabases#postgres}). */
class PostgresGridObjectStoreTest extends GridObjectStoreContractTest {

    private static DataSource dataSource;

    @BeforeAll
    static void start() {
        dataSource = TestDatabases.postgres("kelvin_grid");
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
