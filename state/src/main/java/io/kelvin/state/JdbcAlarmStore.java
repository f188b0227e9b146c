package io.kelvin.state;

import io.kelvin.core.alarm.AckState;
import io.kelvin.core.alarm.Alarm;
import io.kelvin.core.alarm.AlarmKey;
import io.kelvin.core.alarm.AlarmPhase;
import io.kelvin.core.alarm.AlarmStore;
import io.kelvin.core.alarm.AlarmTransition;
import io.kelvin.core.alarm.ConditionHandle;
import io.kelvin.core.alarm.ConfirmState;
import io.kelvin.core.alarm.EventId;
import io.kelvin.core.alarm.HistoryPage;
import io.kelvin.core.alarm.HistoryQuery;
import io.kelvin.core.alarm.Note;
import io.kelvin.core.alarm.OperatorMarks;
import io.kelvin.core.alarm.Shelving;
import io.kelvin.core.alarm.Transition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link AlarmStore} on the {@code alarms} and {@code alarm_transitions} tables (migration V10). A save
 * is one transaction: the alarm's row replaced (update, else insert) and its history lines appended.
 * Current alarms are the retained rows, ordered by {@link Alarm#DISPLAY_ORDER} in Java so the order is
 * the port's exactly; a site has at most some hundreds of them. Times keep microseconds (the precision of
 * both databases' timestamps).
 */
public final class JdbcAlarmStore implements AlarmStore {

    private static final String ALARM_COLUMNS = "device, condition_id, branch_id, event_id, shelving_node, event_type,"
            + " source_name, condition_name, severity, message, quality, enabled, active,"
            + " ack_state, ack_by, ack_at, ack_comment, ack_origin,"
            + " confirm_state, confirm_by, confirm_at, confirm_comment, confirm_origin,"
            + " shelving, shelved_until, shelve_by, shelve_at, shelve_comment, shelve_origin,"
            + " retained, raised_at, changed_at, updated_at";
    private static final String UPDATE = "UPDATE alarms SET event_id = ?, shelving_node = ?, event_type = ?,"
            + " source_name = ?, condition_name = ?, severity = ?, message = ?, quality = ?, enabled = ?, active = ?,"
            + " ack_state = ?, ack_by = ?, ack_at = ?, ack_comment = ?, ack_origin = ?,"
            + " confirm_state = ?, confirm_by = ?, confirm_at = ?, confirm_comment = ?, confirm_origin = ?,"
            + " shelving = ?, shelved_until = ?, shelve_by = ?, shelve_at = ?, shelve_comment = ?, shelve_origin = ?,"
            + " retained = ?, raised_at = ?, changed_at = ?, updated_at = ?"
            + " WHERE device = ? AND condition_id = ? AND branch_id = ?";
    private static final String INSERT = "INSERT INTO alarms (event_id, shelving_node, event_type,"
            + " source_name, condition_name, severity, message, quality, enabled, active,"
            + " ack_state, ack_by, ack_at, ack_comment, ack_origin,"
            + " confirm_state, confirm_by, confirm_at, confirm_comment, confirm_origin,"
            + " shelving, shelved_until, shelve_by, shelve_at, shelve_comment, shelve_origin,"
            + " retained, raised_at, changed_at, updated_at, device, condition_id, branch_id)"
            + " VALUES (" + "?, ".repeat(32) + "?)";
    private static final String LINE_COLUMNS = "device, condition_id, branch_id, kind, phase, severity, message,"
            + " device_time, recorded_at, note_by, note_at, note_comment, note_origin";
    private static final String INSERT_LINE = "INSERT INTO alarm_transitions (" + LINE_COLUMNS + ")"
            + " VALUES (" + "?, ".repeat(12) + "?)";
    /** The trunk of a condition has no branch id; the key column holds the empty string then. */
    private static final String TRUNK = "";

    private final DataSource dataSource;
    private final Jdbc jdbc;

    public JdbcAlarmStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Optional<Alarm> find(AlarmKey key) {
        return jdbc.queryOne("SELECT " + ALARM_COLUMNS + " FROM alarms WHERE device = ? AND condition_id = ?"
                + " AND branch_id = ?", st -> bindKey(st, 1, key), JdbcAlarmStore::readAlarm);
    }

    @Override
    public void save(Alarm alarm, List<AlarmTransition> transitions) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                if (write(c, UPDATE, alarm) == 0) {
                    write(c, INSERT, alarm);
                }
                try (PreparedStatement st = c.prepareStatement(INSERT_LINE)) {
                    for (AlarmTransition line : transitions) {
                        bindLine(st, line);
                        st.addBatch();
                    }
                    if (!transitions.isEmpty()) {
                        st.executeBatch();
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database: saving alarm " + alarm.key() + " failed (SQL state "
                    + e.getSQLState() + "): " + e.getMessage(), e);
        }
    }

    @Override
    public List<Alarm> current(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        return jdbc.query("SELECT " + ALARM_COLUMNS + " FROM alarms WHERE retained = TRUE", st -> { },
                JdbcAlarmStore::readAlarm).stream().sorted(Alarm.DISPLAY_ORDER).limit(limit).toList();
    }

    @Override
    public List<Alarm> currentOf(String device) {
        return jdbc.query("SELECT " + ALARM_COLUMNS + " FROM alarms WHERE retained = TRUE AND device = ?",
                st -> st.setString(1, device), JdbcAlarmStore::readAlarm).stream().sorted(Alarm.DISPLAY_ORDER).toList();
    }

    @Override
    public HistoryPage history(HistoryQuery query) {
        Filter filter = Filter.of(query);
        List<AlarmTransition> lines = jdbc.query("SELECT " + LINE_COLUMNS + " FROM alarm_transitions" + filter.where()
                + " ORDER BY recorded_at DESC, id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", st -> {
                    int next = filter.bind(st);
                    st.setInt(next, query.offset());
                    st.setInt(next + 1, query.limit());
                }, JdbcAlarmStore::readLine);
        long total = jdbc.queryOne("SELECT COUNT(*) FROM alarm_transitions" + filter.where(), filter::bind,
                rs -> rs.getLong(1)).orElse(0L);
        return new HistoryPage(lines, total, query.offset());
    }

    /** Binds an alarm's values in the order UPDATE and INSERT share (key last); returns rows changed. */
    private static int write(Connection c, String sql, Alarm a) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            OperatorMarks m = a.marks();
            int i = 1;
            st.setString(i++, a.handle().eventId().hex());
            st.setString(i++, a.handle().shelvingNode().orElse(null));
            st.setString(i++, a.eventType());
            st.setString(i++, a.sourceName());
            st.setString(i++, a.conditionName());
            st.setInt(i++, a.severity());
            st.setString(i++, a.message());
            st.setString(i++, a.quality().orElse(null));
            st.setBoolean(i++, a.enabled());
            st.setBoolean(i++, a.active());
            st.setString(i++, m.ack().name());
            i = bindNote(st, i, m.ackNote());
            st.setString(i++, m.confirm().name());
            i = bindNote(st, i, m.confirmNote());
            st.setString(i++, m.shelving().name());
            Jdbc.instant(st, i++, m.shelvedUntil().orElse(null));
            i = bindNote(st, i, m.shelveNote());
            st.setBoolean(i++, a.retained());
            Jdbc.instant(st, i++, a.raisedAt());
            Jdbc.instant(st, i++, a.changedAt());
            Jdbc.instant(st, i++, a.updatedAt());
            bindKey(st, i, a.key());
            return st.executeUpdate();
        }
    }

    private static void bindLine(PreparedStatement st, AlarmTransition line) throws SQLException {
        int i = bindKey(st, 1, line.key());
        st.setString(i++, line.kind().name());
        st.setString(i++, line.phase().name());
        st.setInt(i++, line.severity());
        st.setString(i++, line.message());
        Jdbc.instant(st, i++, line.deviceTime());
        Jdbc.instant(st, i++, line.recordedAt());
        bindNote(st, i, line.note());
    }

    /** Binds device, condition id and branch id from {@code index}; returns the next free index. */
    private static int bindKey(PreparedStatement st, int index, AlarmKey key) throws SQLException {
        st.setString(index, key.device());
        st.setString(index + 1, key.conditionId());
        st.setString(index + 2, key.branchId().orElse(TRUNK));
        return index + 3;
    }

    /** Binds by, at, comment and origin from {@code index} (all NULL without a note); returns the next index. */
    private static int bindNote(PreparedStatement st, int index, Optional<Note> note) throws SQLException {
        st.setString(index, note.map(Note::by).orElse(null));
        Jdbc.instant(st, index + 1, note.map(Note::at).orElse(null));
        st.setString(index + 2, note.map(Note::comment).orElse(null));
        st.setString(index + 3, note.map(n -> n.origin().name()).orElse(null));
        return index + 4;
    }

    private static AlarmKey readKey(ResultSet rs) throws SQLException {
        String branch = rs.getString("branch_id");
        return new AlarmKey(rs.getString("device"), rs.getString("condition_id"),
                branch.equals(TRUNK) ? Optional.empty() : Optional.of(branch));
    }

    private static Optional<Note> readNote(ResultSet rs, String prefix) throws SQLException {
        String by = rs.getString(prefix + "_by");
        if (by == null) {
            return Optional.empty();
        }
        return Optional.of(new Note(by, Jdbc.instant(rs, prefix + "_at"), rs.getString(prefix + "_comment"),
                Note.Origin.valueOf(rs.getString(prefix + "_origin"))));
    }

    /** A row holding values Kelvin never writes is named, not thrown as a bare enum error. */
    private static Alarm readAlarm(ResultSet rs) throws SQLException {
        AlarmKey key = readKey(rs);
        try {
            ConditionHandle handle = new ConditionHandle(key, new EventId(rs.getString("event_id")),
                    Optional.ofNullable(rs.getString("shelving_node")));
            OperatorMarks marks = new OperatorMarks(AckState.valueOf(rs.getString("ack_state")), readNote(rs, "ack"),
                    ConfirmState.valueOf(rs.getString("confirm_state")), readNote(rs, "confirm"),
                    Shelving.valueOf(rs.getString("shelving")), Optional.ofNullable(Jdbc.instant(rs, "shelved_until")),
                    readNote(rs, "shelve"));
            return new Alarm(handle, rs.getString("event_type"), rs.getString("source_name"),
                    rs.getString("condition_name"), rs.getInt("severity"), rs.getString("message"),
                    Optional.ofNullable(rs.getString("quality")), rs.getBoolean("enabled"), rs.getBoolean("active"), marks,
                    rs.getBoolean("retained"), Jdbc.instant(rs, "raised_at"), Jdbc.instant(rs, "changed_at"),
                    Jdbc.instant(rs, "updated_at"));
        } catch (IllegalArgumentException unreadable) {
            throw new IllegalStateException("alarm " + key + ": not a row Kelvin wrote (" + unreadable.getMessage() + ")",
                    unreadable);
        }
    }

    private static AlarmTransition readLine(ResultSet rs) throws SQLException {
        AlarmKey key = readKey(rs);
        try {
            return new AlarmTransition(key, Transition.valueOf(rs.getString("kind")),
                    AlarmPhase.valueOf(rs.getString("phase")), rs.getInt("severity"), rs.getString("message"),
                    Jdbc.instant(rs, "device_time"), Jdbc.instant(rs, "recorded_at"), readNote(rs, "note"));
        } catch (IllegalArgumentException unreadable) {
            throw new IllegalStateException("alarm history of " + key + ": not a row Kelvin wrote ("
                    + unreadable.getMessage() + ")", unreadable);
        }
    }

    /** The WHERE clause of a history query's filters and the values to bind, in order. */
    private record Filter(String where, List<Object> values) {

        static Filter of(HistoryQuery q) {
            List<String> conditions = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            q.device().ifPresent(device -> {
                conditions.add("device = ?");
                values.add(device);
            });
            q.key().ifPresent(key -> {
                conditions.add("device = ? AND condition_id = ? AND branch_id = ?");
                values.add(key.device());
                values.add(key.conditionId());
                values.add(key.branchId().orElse(TRUNK));
            });
            q.from().ifPresent(from -> {
                conditions.add("recorded_at >= ?");
                values.add(from);
            });
            q.until().ifPresent(until -> {
                conditions.add("recorded_at < ?");
                values.add(until);
            });
            return new Filter(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), values);
        }

        /** Binds the values from parameter 1; returns the next free index. */
        int bind(PreparedStatement st) throws SQLException {
            int index = 1;
            for (Object value : values) {
                if (value instanceof Instant instant) {
                    Jdbc.instant(st, index++, instant);
                } else {
                    st.setString(index++, (String) value);
                }
            }
            return index;
        }
    }
}
