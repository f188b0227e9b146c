package io.kelvin.state;

import io.kelvin.core.identity.LoginFailureStore;
import io.kelvin.core.identity.LoginFailures;
import java.util.Optional;
import javax.sql.DataSource;

/** {@link LoginFailureStore} on the {@code login_failures} table: one row per user name with failures. */
public final class JdbcLoginFailureStore implements LoginFailureStore {

    private final Jdbc jdbc;

    public JdbcLoginFailureStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Optional<LoginFailures> find(String username) {
        return jdbc.queryOne("SELECT username, failures, first_at, last_at, locked_until FROM login_failures"
                + " WHERE username = ?", st -> st.setString(1, username), rs -> new LoginFailures(rs.getString("username"),
                rs.getInt("failures"), Jdbc.instant(rs, "first_at"), Jdbc.instant(rs, "last_at"),
                Optional.ofNullable(Jdbc.instant(rs, "locked_until"))));
    }

    /** Update first, insert when there was no row; a concurrent insert of the same name just updates again. */
    @Override
    public void save(LoginFailures f) {
        for (int attempt = 0; attempt < 3; attempt++) {
            int updated = jdbc.update("UPDATE login_failures SET failures = ?, first_at = ?, last_at = ?, locked_until = ?"
                    + " WHERE username = ?", st -> {
                        st.setInt(1, f.count());
                        Jdbc.instant(st, 2, f.first());
                        Jdbc.instant(st, 3, f.last());
                        Jdbc.instant(st, 4, f.lockedUntil().orElse(null));
                        st.setString(5, f.username());
                    });
            if (updated == 1 || jdbc.insertUnique("INSERT INTO login_failures (username, failures, first_at, last_at,"
                    + " locked_until) VALUES (?, ?, ?, ?, ?)", st -> {
                        st.setString(1, f.username());
                        st.setInt(2, f.count());
                        Jdbc.instant(st, 3, f.first());
                        Jdbc.instant(st, 4, f.last());
                        Jdbc.instant(st, 5, f.lockedUntil().orElse(null));
                    })) {
                return;
            }
        }
        throw new IllegalStateException("database: could not save login failures of " + f.username());
    }

    @Override
    public void clear(String username) {
        jdbc.update("DELETE FROM login_failures WHERE username = ?", st -> st.setString(1, username));
    }
}
