package io.kelvin.state;

import io.kelvin.core.plan.JobRunStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/** {@link JobRunStore} on the {@code job_runs} table (one row per job and dispatched slot, with the plan). */
public final class JdbcJobRunStore implements JobRunStore {

    /** Ids per IN list, well below every driver's parameter limit. */
    private static final int IN_LIST = 500;

    private final Jdbc jdbc;

    public JdbcJobRunStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Map<String, List<Instant>> runsOf(Collection<String> jobIds) {
        Map<String, List<Instant>> out = new HashMap<>();
        List<String> ids = List.copyOf(jobIds);
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
            String sql = "SELECT job_id, slot_start FROM job_runs WHERE job_id IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ") ORDER BY slot_start, job_id";
            jdbc.query(sql, st -> {
                for (int i = 0; i < chunk.size(); i++) {
                    st.setString(i + 1, chunk.get(i));
                }
            }, rs -> Map.entry(rs.getString("job_id"), Jdbc.instant(rs, "slot_start")))
                    .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        }
        return out;
    }

    @Override
    public java.util.SortedMap<Instant, List<String>> runsBetween(Instant from, Instant to) {
        java.util.SortedMap<Instant, List<String>> out = new TreeMap<>();
        if (!from.isBefore(to)) {
            return out;
        }
        jdbc.query("SELECT job_id, slot_start FROM job_runs WHERE slot_start >= ? AND slot_start < ?"
                + " ORDER BY slot_start, job_id", st -> {
                    Jdbc.instant(st, 1, from);
                    Jdbc.instant(st, 2, to);
                }, rs -> Map.entry(Jdbc.instant(rs, "slot_start"), rs.getString("job_id")))
                .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return out;
    }

    @Override
    public void dispatch(long planId, Map<Instant, List<String>> jobsBySlotStart) {
        if (jobsBySlotStart.isEmpty()) {
            return;
        }
        jdbc.inTransaction("INSERT INTO job_runs", c -> {
            for (var e : new TreeMap<>(jobsBySlotStart).entrySet()) {
                dispatch(c, planId, e.getKey(), e.getValue());
            }
            return null;
        });
    }

    /** Makes {@code jobIds} exactly the jobs dispatched in the slot starting at {@code slotStart}. */
    static void dispatch(Connection c, long planId, Instant slotStart, Collection<String> jobIds) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("DELETE FROM job_runs WHERE slot_start = ?")) {
            Jdbc.instant(st, 1, slotStart);
            st.executeUpdate();
        }
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO job_runs (job_id, slot_start, plan_id) VALUES (?, ?, ?)")) {
            for (String id : jobIds) {
                st.setString(1, id);
                Jdbc.instant(st, 2, slotStart);
                st.setLong(3, planId);
                st.addBatch();
            }
            st.executeBatch();
        }
    }
}
