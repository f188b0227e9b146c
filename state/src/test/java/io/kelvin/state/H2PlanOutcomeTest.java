package io.kelvin.state;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The plans' per-job figures and the savings history on an H2 file database with the app's URL. */
class H2PlanOutcomeTest extends PlanOutcomeContractTest {

    @TempDir
    static Path dataDir;
    private static DataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = TestDatabases.h2(dataDir);
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
