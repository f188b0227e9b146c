package io.kelvin.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state adapters on an H2 file database with the URL the app and the command line use. */
class H2StateTest extends StateContractTest {

    @TempDir
    static Path dataDir;
    private static DataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = KelvinDatabase.simple(KelvinDatabase.h2Url(dataDir), KelvinDatabase.H2_USER, "");
        assertThat(KelvinDatabase.migrate(dataSource)).isGreaterThanOrEqualTo(3);
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }

    @Test
    void secondProcessStyleConnectionOpensTheSameFileWhileTheFirstIsOpen() throws Exception {
        // AUTO_SERVER=TRUE: a second opener while the first holds the file connects through the first.
        try (Connection first = dataSource.getConnection();
             Connection second = KelvinDatabase.simple(KelvinDatabase.h2Url(dataDir), KelvinDatabase.H2_USER, "")
                     .getConnection();
             ResultSet rs = second.createStatement().executeQuery("SELECT COUNT(*) FROM users")) {
            assertThat(first.isValid(1)).isTrue();
            assertThat(rs.next()).isTrue();
        }
    }
}
