package io.kelvin.web.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.state.KelvinDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line against a data dir's H2 database, as the launcher runs it (no Quarkus). */
class KelvinCliTest {

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void userAddListPasswdAndDisableWorkAndAreAudited() {
        assertThat(run("user", "add", "Alice", "--role", "operator,viewer")).isZero();
        assertThat(stdout()).contains("created user alice (OPERATOR,VIEWER)").containsPattern("one-time password: \\S{20}");
        assertThat(run("user", "passwd", "alice")).isZero();
        assertThat(run("user", "disable", "alice")).isZero();
        assertThat(run("user", "list")).isZero();
        assertThat(stdout()).containsPattern("alice\\s+OPERATOR,VIEWER\\s+disabled\\s+one-time");

        assertThat(run("user", "add", "alice", "--role", "viewer")).isEqualTo(1);
        assertThat(stderr()).contains("username: a user 'alice' already exists");
        assertThat(run("user", "add", "bob", "--role", "pilot")).isEqualTo(1);
        assertThat(stderr()).contains("--role: unknown role 'pilot'");
        assertThat(run("audit", "verify")).isZero();
        assertThat(stdout()).contains("audit trail intact: 4 records");
    }

    @Test
    void clientAddRotateDisableAndList() {
        assertThat(run("client", "add", "vtn-1", "--role", "grid_operator", "--scopes", "read_all,write_events")).isZero();
        assertThat(stdout()).contains("created client vtn-1 (GRID_OPERATOR, scopes read_all write_events)")
                .containsPattern("client secret: [A-Za-z0-9_-]{43}");
        assertThat(run("client", "rotate", "vtn-1")).isZero();
        assertThat(run("client", "disable", "vtn-1")).isZero();
        assertThat(run("client", "list")).isZero();
        assertThat(stdout()).containsPattern("vtn-1\\s+GRID_OPERATOR\\s+disabled\\s+read_all write_events");
        assertThat(run("client", "add", "x", "--role", "viewer", "--scopes", "write_events")).isEqualTo(1);
        assertThat(stderr()).contains("scopes: 'write_events' is not a scope of VIEWER");
    }

    @Test
    void auditVerifyExitsNonZeroNamingTheFirstEditedRecord() throws Exception {
        run("user", "add", "carol", "--role", "viewer");
        run("user", "add", "dave", "--role", "viewer");
        run("user", "disable", "carol");
        try (Connection c = KelvinDatabase.simple(KelvinDatabase.h2Url(dataDir), KelvinDatabase.H2_USER, "")
                .getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE audit_records SET actor_name = 'someone-else' WHERE seq = 2");
        }

        assertThat(run("audit", "verify")).isEqualTo(1);
        assertThat(stdout()).contains("audit trail BROKEN at record 2: content does not match its hash")
                .contains("1 records before it are intact");
    }

    @Test
    void unknownCommandPrintsUsage() {
        assertThat(run("launch")).isEqualTo(2);
        assertThat(stderr()).contains("user add NAME --role").contains("audit verify");
    }

    private int run(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--data-dir", dataDir.toString()));
        return KelvinCli.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
