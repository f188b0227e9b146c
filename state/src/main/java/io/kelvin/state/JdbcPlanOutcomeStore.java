package io.kelvin.state;

import io.kelvin.core.plan.PlanJobOutcome;
import io.kelvin.core.plan.PlanOutcomeStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/** {@link PlanOutcomeStore} on the {@code plan_job_outcomes} table (one row per plan and job, only inserted). */
public final class JdbcPlanOutcomeStore implements PlanOutcomeStore {

    static final String COLUMNS = "job_id, kw_above_idle, planned_slots, planned_kwh, planned_eur, planned_kg_co2,"
            + " baseline_slots, baseline_kwh, baseline_eur, baseline_kg_co2";

    private final Jdbc jdbc;

    public JdbcPlanOutcomeStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void save(long planId, List<PlanJobOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        jdbc.inTransaction("INSERT INTO plan_job_outcomes", c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO plan_job_outcomes (plan_id, " + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (PlanJobOutcome o : outcomes) {
                    st.setLong(1, planId);
                    st.setString(2, o.jobId());
                    st.setDouble(3, o.kwAboveIdle());
                    st.setInt(4, o.plannedSlots());
                    st.setDouble(5, o.plannedKwh());
                    st.setDouble(6, o.plannedEur());
                    st.setDouble(7, o.plannedKgCo2());
                    st.setInt(8, o.baselineSlots());
                    st.setDouble(9, o.baselineKwh());
                    st.setDouble(10, o.baselineEur());
                    st.setDouble(11, o.baselineKgCo2());
                    st.addBatch();
                }
                st.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<PlanJobOutcome> of(long planId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM plan_job_outcomes WHERE plan_id = ? ORDER BY job_id",
                st -> st.setLong(1, planId), JdbcPlanOutcomeStore::read);
    }

    static PlanJobOutcome read(ResultSet rs) throws SQLException {
        return new PlanJobOutcome(rs.getString("job_id"), rs.getDouble("kw_above_idle"), rs.getInt("planned_slots"),
                rs.getDouble("planned_kwh"), rs.getDouble("planned_eur"), rs.getDouble("planned_kg_co2"),
                rs.getInt("baseline_slots"), rs.getDouble("baseline_kwh"), rs.getDouble("baseline_eur"),
                rs.getDouble("baseline_kg_co2"));
    }
}
