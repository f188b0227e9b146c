package io.kelvin.state;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The DR cap guard log on an H2 file database with the URL the app uses ({@link TestDatabases#h2}). */
class H2GuardLogTest extends GuardLogContractTest {

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
