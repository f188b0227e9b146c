package io.kelvin.state;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;

/** The plans' per-job figures and the savings history on a real PostgreSQL server ({@link TestDatabases#postgres}). */
class PostgresPlanOutcomeTest extends PlanOutcomeContractTest {

    private static DataSource dataSource;

    @BeforeAll
    static void start() {
        dataSource = TestDatabases.postgres("kelvin_savings");
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
