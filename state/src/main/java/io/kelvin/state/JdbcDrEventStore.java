package io.kelvin.state;

import io.kelvin.core.dr.DrEventStatus;
import io.kelvin.core.dr.DrEventStore;
import io.kelvin.core.dr.DrSignal;
import io.kelvin.core.dr.DrState;
import io.kelvin.core.dr.DrTransition;
import io.kelvin.core.dr.EventRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link DrEventStore} on the {@code dr_events} (newest status per event id) and {@code dr_transitions}
 * (every step, append-only) tables. {@link #record} writes both in one transaction, so a reader never
 * sees a status without its transition. The caps each event asked for are in {@code dr_event_caps}.
 */
public final class JdbcDrEventStore implements DrEventStore {

    private static final String STATUS_COLUMNS =
            "event_id, program_id, version, event_name, state, received_at, changed_at, decided_by, reason";
    private static final String TRANSITION_COLUMNS =
            "event_id, program_id, version, actor, happened_at, action, from_state, to_state, outcome, detail";

    private final DataSource dataSource;
    private final Jdbc jdbc;

    public JdbcDrEventStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Optional<DrEventStatus> find(String eventId) {
        return jdbc.queryOne("SELECT " + STATUS_COLUMNS + " FROM dr_events WHERE event_id = ?",
                st -> st.setString(1, eventId), JdbcDrEventStore::status);
    }

    @Override
    public void record(DrEventStatus status, DrTransition transition) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                int updated;
                try (PreparedStatement st = c.prepareStatement("UPDATE dr_events SET program_id = ?, version = ?,"
                        + " event_name = ?, state = ?, received_at = ?, changed_at = ?, decided_by = ?, reason = ?"
                        + " WHERE event_id = ?")) {
                    bindStatus(st, status, 1);
                    st.setString(9, status.ref().eventId());
                    updated = st.executeUpdate();
                }
                if (updated == 0) {
                    try (PreparedStatement st = c.prepareStatement("INSERT INTO dr_events (program_id, version,"
                            + " event_name, state, received_at, changed_at, decided_by, reason, event_id)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                        bindStatus(st, status, 1);
                        st.setString(9, status.ref().eventId());
                        st.executeUpdate();
                    }
                }
                insertTransition(c, transition);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database: recording DR event " + status.ref() + " failed (SQL state "
                    + e.getSQLState() + "): " + e.getMessage(), e);
        }
    }

    @Override
    public void refused(DrTransition transition) {
        try (Connection c = dataSource.getConnection()) {
            insertTransition(c, transition);
        } catch (SQLException e) {
            throw new IllegalStateException("database: recording a refused DR step failed (SQL state "
                    + e.getSQLState() + "): " + e.getMessage(), e);
        }
    }

    @Override
    public List<DrEventStatus> all() {
        return jdbc.query("SELECT " + STATUS_COLUMNS + " FROM dr_events ORDER BY received_at, event_id", st -> {
        }, JdbcDrEventStore::status);
    }

    @Override
    public List<DrTransition> history(String eventId) {
        return jdbc.query("SELECT " + TRANSITION_COLUMNS + " FROM dr_transitions WHERE event_id = ? ORDER BY seq",
                st -> st.setString(1, eventId), JdbcDrEventStore::transition);
    }

    @Override
    public void recordCaps(EventRef ref, List<DrSignal.CapLimit> caps) {
        List<DrSignal.CapLimit> ordered = caps.stream().sorted(java.util.Comparator.comparing(DrSignal.CapLimit::start)).toList();
        jdbc.inTransaction("recording the caps of DR event " + ref, c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM dr_event_caps WHERE event_id = ?")) {
                st.setString(1, ref.eventId());
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO dr_event_caps (event_id, seq, version, program_id,"
                    + " starts_at, ends_at, direction, kw, hard, payload_type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < ordered.size(); i++) {
                    DrSignal.CapLimit cap = ordered.get(i);
                    st.setString(1, ref.eventId());
                    st.setInt(2, i);
                    Jdbc.instant(st, 3, ref.version());
                    st.setString(4, ref.programId());
                    Jdbc.instant(st, 5, cap.start());
                    Jdbc.instant(st, 6, cap.end());
                    st.setString(7, cap.direction().name());
                    st.setDouble(8, cap.kw());
                    st.setBoolean(9, cap.hard());
                    st.setString(10, clip(cap.payloadType() == null ? "" : cap.payloadType(), 100));
                    st.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public List<DrSignal.CapLimit> caps(String eventId) {
        return jdbc.query("SELECT event_id, version, program_id, starts_at, ends_at, direction, kw, hard, payload_type"
                + " FROM dr_event_caps WHERE event_id = ? ORDER BY seq", st -> st.setString(1, eventId), rs -> new DrSignal.CapLimit(
                new EventRef(rs.getString("program_id"), rs.getString("event_id"), Jdbc.instant(rs, "version")),
                Jdbc.instant(rs, "starts_at"), Jdbc.instant(rs, "ends_at"),
                DrSignal.Direction.valueOf(rs.getString("direction")), rs.getDouble("kw"), rs.getBoolean("hard"),
                rs.getString("payload_type")));
    }

    private static void bindStatus(PreparedStatement st, DrEventStatus s, int from) throws SQLException {
        st.setString(from, s.ref().programId());
        Jdbc.instant(st, from + 1, s.ref().version());
        st.setString(from + 2, clip(s.eventName() == null ? s.ref().eventId() : s.eventName(), 1000));
        st.setString(from + 3, s.state().name());
        Jdbc.instant(st, from + 4, s.receivedAt());
        Jdbc.instant(st, from + 5, s.changedAt());
        st.setString(from + 6, s.decidedBy().map(a -> clip(a, 200)).orElse(null));
        st.setString(from + 7, s.reason().map(r -> clip(r, 1000)).orElse(null));
    }

    private static void insertTransition(Connection c, DrTransition t) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO dr_transitions (" + TRANSITION_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setString(1, t.ref().eventId());
            st.setString(2, t.ref().programId());
            Jdbc.instant(st, 3, t.ref().version());
            st.setString(4, clip(t.actor(), 200));
            Jdbc.instant(st, 5, t.at());
            st.setString(6, clip(t.action() == null ? "-" : t.action(), 40));
            st.setString(7, t.from() == null ? t.to().name() : t.from().name());
            st.setString(8, t.to() == null ? t.from().name() : t.to().name());
            st.setString(9, t.outcome().name());
            st.setString(10, clip(t.detail() == null ? "" : t.detail(), 2000));
            st.executeUpdate();
        }
    }

    private static DrEventStatus status(ResultSet rs) throws SQLException {
        EventRef ref = new EventRef(rs.getString("program_id"), rs.getString("event_id"), Jdbc.instant(rs, "version"));
        return new DrEventStatus(ref, rs.getString("event_name"), DrState.valueOf(rs.getString("state")),
                Jdbc.instant(rs, "received_at"), Jdbc.instant(rs, "changed_at"),
                Optional.ofNullable(rs.getString("decided_by")), Optional.ofNullable(rs.getString("reason")));
    }

    private static DrTransition transition(ResultSet rs) throws SQLException {
        EventRef ref = new EventRef(rs.getString("program_id"), rs.getString("event_id"), Jdbc.instant(rs, "version"));
        return new DrTransition(ref, rs.getString("actor"), Jdbc.instant(rs, "happened_at"), rs.getString("action"),
                DrState.valueOf(rs.getString("from_state")), DrState.valueOf(rs.getString("to_state")),
                DrTransition.Outcome.valueOf(rs.getString("outcome")), rs.getString("detail"));
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
