package io.kelvin.state;

import io.kelvin.core.identity.ClientStore;
import io.kelvin.core.identity.OAuthClient;
import io.kelvin.core.identity.Role;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** {@link ClientStore} on the {@code oauth_clients} table; scopes space-separated. */
public final class JdbcClientStore implements ClientStore {

    private static final String COLUMNS = "client_id, secret_hash, role, scopes, enabled, created_at, secret_rotated_at";

    private final Jdbc jdbc;

    public JdbcClientStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public boolean insert(OAuthClient c) {
        return jdbc.insertUnique("INSERT INTO oauth_clients (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)", st -> {
            st.setString(1, c.clientId());
            bindRest(st, c, 2);
        });
    }

    @Override
    public Optional<OAuthClient> find(String clientId) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM oauth_clients WHERE client_id = ?",
                st -> st.setString(1, clientId), JdbcClientStore::read);
    }

    @Override
    public List<OAuthClient> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM oauth_clients ORDER BY client_id", st -> { },
                JdbcClientStore::read);
    }

    @Override
    public boolean update(OAuthClient c) {
        return jdbc.update("UPDATE oauth_clients SET secret_hash = ?, role = ?, scopes = ?, enabled = ?, created_at = ?,"
                + " secret_rotated_at = ? WHERE client_id = ?", st -> {
                    bindRest(st, c, 1);
                    st.setString(7, c.clientId());
                }) == 1;
    }

    private static void bindRest(PreparedStatement st, OAuthClient c, int first) throws SQLException {
        st.setString(first, c.secretHash());
        st.setString(first + 1, c.role().name());
        st.setString(first + 2, String.join(" ", new java.util.TreeSet<>(c.scopes())));
        st.setBoolean(first + 3, c.enabled());
        Jdbc.instant(st, first + 4, c.createdAt());
        Jdbc.instant(st, first + 5, c.secretRotatedAt());
    }

    private static OAuthClient read(ResultSet rs) throws SQLException {
        String scopes = rs.getString("scopes").trim();
        String clientId = rs.getString("client_id");
        Role role = Role.parse(rs.getString("role")).orElseThrow(() -> new IllegalStateException(
                "database: oauth_clients.role of '" + clientId + "' is not a role"));
        return new OAuthClient(clientId, rs.getString("secret_hash"), role,
                scopes.isEmpty() ? java.util.Set.of() : new LinkedHashSet<>(Arrays.asList(scopes.split(" +"))),
                rs.getBoolean("enabled"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "secret_rotated_at"));
    }
}
