package io.kelvin.state;

import io.kelvin.core.identity.Actor;
import io.kelvin.core.identity.AuditEntry;
import io.kelvin.core.identity.AuditKind;
import io.kelvin.core.identity.AuditQuery;
import io.kelvin.core.identity.AuditRecord;
import io.kelvin.core.identity.AuditStore;
import io.kelvin.core.identity.Outcome;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link AuditStore} on the {@code audit_records} table. Only inserts; the primary key on {@code seq}
 * refuses a second record at a taken place in the chain, which is how concurrent writers find out.
 */
public final class JdbcAuditStore implements AuditStore {

    private static final String COLUMNS = "seq, recorded_at, actor_kind, actor_name, kind, target, address, outcome,"
            + " detail, previous_hash, hash";

    private final Jdbc jdbc;

    public JdbcAuditStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Optional<AuditRecord> last() {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM audit_records ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY",
                st -> { }, JdbcAuditStore::read);
    }

    @Override
    public boolean append(AuditRecord r) {
        return jdbc.insertUnique("INSERT INTO audit_records (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                st -> {
                    AuditEntry e = r.entry();
                    st.setLong(1, r.seq());
                    Jdbc.instant(st, 2, r.at());
                    st.setString(3, e.actor().kind().name());
                    st.setString(4, e.actor().name());
                    st.setString(5, e.kind().name());
                    st.setString(6, e.target());
                    st.setString(7, e.address());
                    st.setString(8, e.outcome().name());
                    st.setString(9, e.detail());
                    st.setString(10, r.previousHash());
                    st.setString(11, r.hash());
                });
    }

    @Override
    public List<AuditRecord> chain(long afterSeq, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_records WHERE seq > ? ORDER BY seq FETCH FIRST ? ROWS ONLY",
                st -> {
                    st.setLong(1, afterSeq);
                    st.setInt(2, limit);
                }, JdbcAuditStore::read);
    }

    @Override
    public List<AuditRecord> search(AuditQuery query) {
        Filter filter = Filter.of(query);
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_records" + filter.where
                + " ORDER BY seq DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", st -> {
                    int next = filter.bind(st);
                    st.setInt(next, query.offset());
                    st.setInt(next + 1, query.limit());
                }, JdbcAuditStore::read);
    }

    @Override
    public long count(AuditQuery query) {
        Filter filter = Filter.of(query);
        return jdbc.queryOne("SELECT COUNT(*) FROM audit_records" + filter.where, filter::bind, rs -> rs.getLong(1))
                .orElse(0L);
    }

    /** The WHERE clause of a query's filters and the values to bind, in order. */
    private record Filter(String where, List<Object> values) {

        static Filter of(AuditQuery q) {
            List<String> conditions = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            q.from().ifPresent(from -> {
                conditions.add("recorded_at >= ?");
                values.add(from);
            });
            q.to().ifPresent(to -> {
                conditions.add("recorded_at < ?");
                values.add(to);
            });
            q.actor().ifPresent(actor -> {
                conditions.add("actor_name = ?");
                values.add(actor);
            });
            q.kind().ifPresent(kind -> {
                conditions.add("kind = ?");
                values.add(kind.name());
            });
            return new Filter(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), values);
        }

        /** Binds the values from parameter 1; returns the next free index. */
        int bind(PreparedStatement st) throws SQLException {
            int index = 1;
            for (Object value : values) {
                if (value instanceof java.time.Instant instant) {
                    Jdbc.instant(st, index++, instant);
                } else {
                    st.setString(index++, (String) value);
                }
            }
            return index;
        }
    }

    /** A row someone wrote by hand with values Kelvin never writes is named, not thrown as a bare enum error. */
    private static AuditRecord read(ResultSet rs) throws SQLException {
        long seq = rs.getLong("seq");
        try {
            Actor actor = new Actor(Actor.Kind.valueOf(rs.getString("actor_kind")), rs.getString("actor_name"));
            AuditEntry entry = new AuditEntry(actor, AuditKind.valueOf(rs.getString("kind")), rs.getString("target"),
                    rs.getString("address"), Outcome.valueOf(rs.getString("outcome")), rs.getString("detail"));
            return new AuditRecord(seq, Jdbc.instant(rs, "recorded_at"), entry, rs.getString("previous_hash"),
                    rs.getString("hash"));
        } catch (IllegalArgumentException unreadable) {
            throw new IllegalStateException("audit record " + seq + ": not a record Kelvin wrote (" + unreadable.getMessage()
                    + ")", unreadable);
        }
    }
}
