package io.kelvin.state;

import io.kelvin.core.dr.GridObject;
import io.kelvin.core.dr.GridObjectStore;
import io.kelvin.core.dr.GridObjectType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link GridObjectStore} on the {@code grid_objects} table. A program's name is kept a second time in
 * {@code program_name}, whose unique constraint refuses a second program of the same name.
 */
public final class JdbcGridObjectStore implements GridObjectStore {

    private static final String COLUMNS = "object_type, id, name, program_id, event_id, created_at, modified_at, document";

    private final Jdbc jdbc;

    public JdbcGridObjectStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public boolean insert(GridObject o) {
        return jdbc.insertUnique("INSERT INTO grid_objects (name, program_name, program_id, event_id, created_at,"
                + " modified_at, document, object_type, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", st -> bind(st, o));
    }

    @Override
    public boolean replace(GridObject o) {
        try {
            return jdbc.update("UPDATE grid_objects SET name = ?, program_name = ?, program_id = ?, event_id = ?,"
                    + " created_at = ?, modified_at = ?, document = ? WHERE object_type = ? AND id = ?",
                    st -> bind(st, o)) == 1;
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("23")) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<GridObject> find(GridObjectType type, String id) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM grid_objects WHERE object_type = ? AND id = ?", st -> {
            st.setString(1, type.name());
            st.setString(2, id);
        }, JdbcGridObjectStore::read);
    }

    @Override
    public boolean delete(GridObjectType type, String id) {
        return jdbc.update("DELETE FROM grid_objects WHERE object_type = ? AND id = ?", st -> {
            st.setString(1, type.name());
            st.setString(2, id);
        }) == 1;
    }

    @Override
    public List<GridObject> list(GridObjectType type, Filter filter) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM grid_objects WHERE object_type = ?");
        List<String> values = new ArrayList<>(List.of(type.name()));
        filter.programId().ifPresent(v -> {
            sql.append(" AND program_id = ?");
            values.add(v);
        });
        filter.eventId().ifPresent(v -> {
            sql.append(" AND event_id = ?");
            values.add(v);
        });
        filter.name().ifPresent(v -> {
            sql.append(" AND name = ?");
            values.add(v);
        });
        sql.append(" ORDER BY created_at, id");
        return jdbc.query(sql.toString(), st -> {
            for (int i = 0; i < values.size(); i++) {
                st.setString(i + 1, values.get(i));
            }
        }, JdbcGridObjectStore::read);
    }

    private static void bind(PreparedStatement st, GridObject o) throws SQLException {
        st.setString(1, o.name().orElse(null));
        st.setString(2, o.type() == GridObjectType.PROGRAM ? o.name().orElse(null) : null);
        st.setString(3, o.programId().orElse(null));
        st.setString(4, o.eventId().orElse(null));
        Jdbc.instant(st, 5, o.createdAt());
        Jdbc.instant(st, 6, o.modifiedAt());
        st.setString(7, o.document());
        st.setString(8, o.type().name());
        st.setString(9, o.id());
    }

    private static GridObject read(ResultSet rs) throws SQLException {
        return new GridObject(GridObjectType.valueOf(rs.getString("object_type")), rs.getString("id"),
                Optional.ofNullable(rs.getString("name")), Optional.ofNullable(rs.getString("program_id")),
                Optional.ofNullable(rs.getString("event_id")), Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "modified_at"), rs.getString("document"));
    }
}
