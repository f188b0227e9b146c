package io.kelvin.state;

import io.kelvin.core.dr.EventRef;
import io.kelvin.core.dr.GuardAction;
import io.kelvin.core.dr.GuardLog;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import javax.sql.DataSource;

/**
 * {@link GuardLog} on the {@code dr_guard_actions} table with its events ({@code dr_guard_action_events}) and
 * jobs ({@code dr_guard_action_jobs}), written together in one transaction. Only inserted.
 */
public final class JdbcGuardLog implements GuardLog {

    private final Jdbc jdbc;

    public JdbcGuardLog(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void record(GuardAction a) {
        jdbc.inTransaction("recording a DR cap guard action", c -> {
            long id;
            try (PreparedStatement st = c.prepareStatement("INSERT INTO dr_guard_actions (acted_at, action, metered_kw,"
                    + " cap_kw) VALUES (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                Jdbc.instant(st, 1, a.at());
                st.setString(2, a.action().name());
                Jdbc.nullableDouble(st, 3, value(a.meteredKw()));
                Jdbc.nullableDouble(st, 4, value(a.capKw()));
                st.executeUpdate();
                try (ResultSet keys = st.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new SQLException("no generated guard action id");
                    }
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO dr_guard_action_events (action_id, seq, event_id,"
                    + " program_id, version) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < a.events().size(); i++) {
                    EventRef e = a.events().get(i);
                    st.setLong(1, id);
                    st.setInt(2, i);
                    st.setString(3, e.eventId());
                    st.setString(4, e.programId());
                    Jdbc.instant(st, 5, e.version());
                    st.executeUpdate();
                }
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO dr_guard_action_jobs (action_id, seq, job_id, kw)"
                    + " VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < a.jobs().size(); i++) {
                    st.setLong(1, id);
                    st.setInt(2, i);
                    st.setString(3, a.jobs().get(i).jobId());
                    st.setDouble(4, a.jobs().get(i).kw());
                    st.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public List<GuardAction> forEvent(String eventId) {
        String which = "SELECT action_id FROM dr_guard_action_events WHERE event_id = ?";
        Map<Long, Row> rows = new LinkedHashMap<>();
        jdbc.query("SELECT id, acted_at, action, metered_kw, cap_kw FROM dr_guard_actions WHERE id IN (" + which + ")"
                + " ORDER BY acted_at, id", st -> st.setString(1, eventId), rs -> rows.put(rs.getLong("id"), new Row(
                Jdbc.instant(rs, "acted_at"), GuardAction.Kind.valueOf(rs.getString("action")),
                optional(Jdbc.nullableDouble(rs, "metered_kw")), optional(Jdbc.nullableDouble(rs, "cap_kw")),
                new ArrayList<>(), new ArrayList<>())));
        jdbc.query("SELECT action_id, event_id, program_id, version FROM dr_guard_action_events WHERE action_id IN ("
                + which + ") ORDER BY action_id, seq", st -> st.setString(1, eventId), rs -> rows.get(rs.getLong("action_id"))
                .events().add(new EventRef(rs.getString("program_id"), rs.getString("event_id"), Jdbc.instant(rs, "version"))));
        jdbc.query("SELECT action_id, job_id, kw FROM dr_guard_action_jobs WHERE action_id IN (" + which + ")"
                + " ORDER BY action_id, seq", st -> st.setString(1, eventId), rs -> rows.get(rs.getLong("action_id"))
                .jobs().add(new GuardAction.JobKw(rs.getString("job_id"), rs.getDouble("kw"))));
        return rows.values().stream().map(r -> new GuardAction(r.at(), r.action(), r.events(), r.jobs(), r.meteredKw(),
                r.capKw())).toList();
    }

    private record Row(Instant at, GuardAction.Kind action, OptionalDouble meteredKw, OptionalDouble capKw,
                       List<EventRef> events, List<GuardAction.JobKw> jobs) {
    }

    private static Double value(OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : null;
    }

    private static OptionalDouble optional(Double v) {
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }
}
