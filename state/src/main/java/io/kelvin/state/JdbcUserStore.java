package io.kelvin.state;

import io.kelvin.core.identity.Role;
import io.kelvin.core.identity.UserAccount;
import io.kelvin.core.identity.UserStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/** {@link UserStore} on the {@code users} table; roles as a comma-separated list of Role names. */
public final class JdbcUserStore implements UserStore {

    private static final String COLUMNS =
            "username, password_hash, roles, enabled, must_change_password, created_at, password_changed_at";

    private final Jdbc jdbc;

    public JdbcUserStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public boolean insert(UserAccount a) {
        return jdbc.insertUnique("INSERT INTO users (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)", st -> {
            st.setString(1, a.username());
            bindRest(st, a, 2);
        });
    }

    @Override
    public Optional<UserAccount> find(String username) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM users WHERE username = ?", st -> st.setString(1, username),
                JdbcUserStore::read);
    }

    @Override
    public List<UserAccount> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM users ORDER BY username", st -> { }, JdbcUserStore::read);
    }

    @Override
    public boolean update(UserAccount a) {
        return jdbc.update("UPDATE users SET password_hash = ?, roles = ?, enabled = ?, must_change_password = ?,"
                + " created_at = ?, password_changed_at = ? WHERE username = ?", st -> {
                    bindRest(st, a, 1);
                    st.setString(7, a.username());
                }) == 1;
    }

    private static void bindRest(PreparedStatement st, UserAccount a, int first) throws SQLException {
        st.setString(first, a.passwordHash());
        st.setString(first + 1, a.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")));
        st.setBoolean(first + 2, a.enabled());
        st.setBoolean(first + 3, a.mustChangePassword());
        Jdbc.instant(st, first + 4, a.createdAt());
        Jdbc.instant(st, first + 5, a.passwordChangedAt());
    }

    private static UserAccount read(ResultSet rs) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(rs.getString("roles").split(",")).map(Role::parse).flatMap(Optional::stream).forEach(roles::add);
        return new UserAccount(rs.getString("username"), rs.getString("password_hash"), roles, rs.getBoolean("enabled"),
                rs.getBoolean("must_change_password"), Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "password_changed_at"));
    }
}
