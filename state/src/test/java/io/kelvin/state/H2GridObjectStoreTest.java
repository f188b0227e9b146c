package io.kelvin.state;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The grid API object store on an H2 file database with the URL the app uses. */
class H2GridObjectStoreTest extends GridObjectStoreContractTest {

    @TempDir
    static Path dataDir;
    private static DataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = KelvinDatabase.simple(KelvinDatabase.h2Url(dataDir), KelvinDatabase.H2_USER, "");
        KelvinDatabase.migrate(dataSource);
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
