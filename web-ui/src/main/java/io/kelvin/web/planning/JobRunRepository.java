package io.kelvin.web.planning;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The {@code job_runs} table: which jobs were dispatched to run in which quarter hour, and by which
 * plan. A stored plan dispatches its first slot ({@link #dispatch}, in the plan's own transaction);
 * slots that passed without a new plan are filled from the plan that was in force ({@link #follow}).
 */
public final class JobRunRepository {

    private static final int IN_LIST = 500;

    private final DataSource dataSource;

    public JobRunRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The run slots of these jobs, ascending per job; a job that never ran is absent. */
    public Map<String, List<Instant>> runsOf(Collection<String> jobIds) {
        Map<String, List<Instant>> out = new HashMap<>();
        List<String> ids = List.copyOf(jobIds);
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
            String sql = "SELECT job_id, slot_start FROM job_runs WHERE job_id IN ("
                    + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ") ORDER BY slot_start";
            try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    st.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getString("job_id"), k -> new ArrayList<>())
                                .add(Sql.instant(rs, "slot_start"));
                    }
                }
            } catch (SQLException e) {
                throw Sql.failure("reading job runs", e);
            }
        }
        return out;
    }

    /**
     * Records that the cluster followed the newest plan from the slot after its first up to and
     * including {@code currentSlot}, because no newer plan was made in between (the plan's own first
     * slot was dispatched when it was stored).
     */
    public void follow(StoredPlan plan, Instant currentSlot) {
        long slotSeconds = plan.slotMinutes() * 60L;
        long through = java.time.Duration.between(plan.horizonStart(), currentSlot).toSeconds() / slotSeconds;
        Map<Integer, List<String>> bySlot = new TreeMap<>();
        for (PlannedJob j : plan.jobs()) {
            for (int t : j.runSlots()) {
                if (t >= 1 && t <= through) {
                    bySlot.computeIfAbsent(t, k -> new ArrayList<>()).add(j.jobId());
                }
            }
        }
        if (bySlot.isEmpty()) {
            return;
        }
        Sql.inTransaction(dataSource, "recording the runs of plan " + plan.id(), c -> {
            for (var e : bySlot.entrySet()) {
                dispatch(c, plan.id(), plan.horizonStart().plusSeconds(e.getKey() * slotSeconds), e.getValue());
            }
            return null;
        });
    }

    /** Makes {@code jobIds} exactly the jobs dispatched in the slot starting at {@code slotStart}. */
    static void dispatch(Connection c, long planId, Instant slotStart, Collection<String> jobIds) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("DELETE FROM job_runs WHERE slot_start = ?")) {
            Sql.instant(st, 1, slotStart);
            st.executeUpdate();
        }
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO job_runs (job_id, slot_start, plan_id) VALUES (?, ?, ?)")) {
            for (String id : jobIds) {
                st.setString(1, id);
                Sql.instant(st, 2, slotStart);
                st.setLong(3, planId);
                st.addBatch();
            }
            st.executeBatch();
        }
    }
}
