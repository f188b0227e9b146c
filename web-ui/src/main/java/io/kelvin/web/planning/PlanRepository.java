package io.kelvin.web.planning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Plans in {@code plans} (one row each; the slots as a JSON array) and every job's place and
 * explanation in {@code plan_jobs}. Plans are only ever added: the table is the audit history.
 */
public final class PlanRepository {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final TypeReference<List<PlannedSlot>> SLOTS = new TypeReference<>() { };

    private static final String PLAN_INSERT = "INSERT INTO plans (created_at, reason, planner, solver_status,"
            + " fallback_reason, dr_relaxed, solve_ms, horizon_start, slot_minutes, objective_eur, energy_eur,"
            + " export_credit_eur, carbon_eur, lateness_eur, missed_eur, dr_penalty_eur, switching_eur,"
            + " heat_credit_eur, import_kwh, co2_kg, pue, check_notes, slots_json)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String JOB_INSERT = "INSERT INTO plan_jobs (plan_id, job_id, start_at, end_at, run_slots,"
            + " outcome, late_slots, explanation, saved_kwh, saved_eur, saved_kg_co2, bound_by)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;

    public PlanRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores the plan and its jobs and dispatches its first slot (the jobs it runs there, see
     * {@link JobRunRepository}) in one transaction; returns it with its new id.
     */
    public StoredPlan save(StoredPlan plan) {
        return Sql.inTransaction(dataSource, "storing a plan", c -> {
            long id = insertPlan(c, plan);
            insertJobs(c, id, plan.jobs());
            JobRunRepository.dispatch(c, id, plan.horizonStart(),
                    plan.jobs().stream().filter(j -> j.runSlots().contains(0)).map(PlannedJob::jobId).toList());
            return plan.withId(id);
        });
    }

    public Optional<StoredPlan> latest() {
        return plans("SELECT * FROM plans ORDER BY id DESC", 1, true, st -> { }).stream().findFirst();
    }

    public Optional<StoredPlan> find(long id) {
        return plans("SELECT * FROM plans WHERE id = ?", 1, true, st -> st.setLong(1, id)).stream().findFirst();
    }

    /** The newest {@code limit} plans, newest first, without their slots. */
    public List<StoredPlan> history(int limit) {
        return plans("SELECT * FROM plans ORDER BY id DESC", limit, false, st -> { });
    }

    /** The job's place in the newest plan that has it, with that plan's id. */
    public Optional<Map.Entry<Long, PlannedJob>> latestFor(String jobId) {
        String sql = "SELECT * FROM plan_jobs WHERE job_id = ? ORDER BY plan_id DESC";
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setMaxRows(1);
            st.setString(1, jobId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(Map.entry(rs.getLong("plan_id"), readJob(rs))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Sql.failure("reading the plan of job " + jobId, e);
        }
    }

    private static long insertPlan(Connection c, StoredPlan p) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(PLAN_INSERT, Statement.RETURN_GENERATED_KEYS)) {
            PlanCosts k = p.predicted();
            Sql.instant(st, 1, p.createdAt());
            st.setString(2, p.reason());
            st.setString(3, p.planner());
            st.setString(4, p.solverStatus());
            st.setString(5, p.fallbackReason());
            st.setBoolean(6, p.drRelaxed());
            st.setLong(7, p.solveMillis());
            Sql.instant(st, 8, p.horizonStart());
            st.setInt(9, p.slotMinutes());
            double[] terms = {k.objectiveEur(), k.energyEur(), k.exportCreditEur(), k.carbonEur(), k.latenessEur(),
                k.missedEur(), k.drPenaltyEur(), k.switchingEur(), k.heatCreditEur(), k.importKwh(), k.co2Kg(), k.pue()};
            for (int i = 0; i < terms.length; i++) {
                st.setDouble(10 + i, terms[i]);
            }
            st.setString(22, String.join("\n", p.checkNotes()));
            st.setString(23, toJson(p.slots()));
            st.executeUpdate();
            try (ResultSet keys = st.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no generated plan id");
                }
                return keys.getLong(1);
            }
        }
    }

    private static void insertJobs(Connection c, long planId, List<PlannedJob> jobs) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(JOB_INSERT)) {
            for (PlannedJob j : jobs) {
                st.setLong(1, planId);
                st.setString(2, j.jobId());
                Sql.instant(st, 3, j.start());
                Sql.instant(st, 4, j.end());
                st.setString(5, String.join(",", j.runSlots().stream().map(String::valueOf).toList()));
                st.setString(6, j.outcome());
                st.setInt(7, j.lateSlots());
                st.setString(8, j.explanation());
                st.setDouble(9, j.savedKwh());
                st.setDouble(10, j.savedEur());
                st.setDouble(11, j.savedKgCo2());
                st.setString(12, j.boundBy());
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    private interface Binder {
        void bind(PreparedStatement st) throws SQLException;
    }

    private List<StoredPlan> plans(String sql, int limit, boolean withSlots, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setMaxRows(limit);
            binder.bind(st);
            Map<Long, StoredPlan> plans = new LinkedHashMap<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    StoredPlan p = readPlan(rs, withSlots);
                    plans.put(p.id(), p);
                }
            }
            List<StoredPlan> out = new ArrayList<>();
            for (StoredPlan p : plans.values()) {
                out.add(withJobs(c, p));
            }
            return out;
        } catch (SQLException e) {
            throw Sql.failure("reading plans", e);
        }
    }

    private static StoredPlan withJobs(Connection c, StoredPlan p) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT * FROM plan_jobs WHERE plan_id = ? ORDER BY job_id")) {
            st.setLong(1, p.id());
            List<PlannedJob> jobs = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    jobs.add(readJob(rs));
                }
            }
            return new StoredPlan(p.id(), p.createdAt(), p.reason(), p.planner(), p.solverStatus(), p.fallback(),
                    p.fallbackReason(), p.drRelaxed(), p.solveMillis(), p.horizonStart(), p.slotMinutes(),
                    p.predicted(), p.checkNotes(), p.slots(), jobs);
        }
    }

    private static StoredPlan readPlan(ResultSet rs, boolean withSlots) throws SQLException {
        PlanCosts costs = new PlanCosts(rs.getDouble("objective_eur"),
                rs.getDouble("energy_eur") - rs.getDouble("export_credit_eur"), rs.getDouble("energy_eur"),
                rs.getDouble("export_credit_eur"), rs.getDouble("carbon_eur"), rs.getDouble("lateness_eur"),
                rs.getDouble("missed_eur"), rs.getDouble("dr_penalty_eur"), rs.getDouble("switching_eur"),
                rs.getDouble("heat_credit_eur"), rs.getDouble("import_kwh"), rs.getDouble("co2_kg"), rs.getDouble("pue"));
        String notes = rs.getString("check_notes");
        String fallbackReason = rs.getString("fallback_reason");
        return new StoredPlan(rs.getLong("id"), Sql.instant(rs, "created_at"), rs.getString("reason"),
                rs.getString("planner"), rs.getString("solver_status"), fallbackReason != null, fallbackReason,
                rs.getBoolean("dr_relaxed"), rs.getLong("solve_ms"), Sql.instant(rs, "horizon_start"),
                rs.getInt("slot_minutes"), costs, notes.isEmpty() ? List.of() : Arrays.asList(notes.split("\n")),
                withSlots ? fromJson(rs.getString("slots_json")) : List.of(), List.of());
    }

    private static PlannedJob readJob(ResultSet rs) throws SQLException {
        String runs = rs.getString("run_slots");
        List<Integer> runSlots = runs.isEmpty() ? List.of() : Arrays.stream(runs.split(",")).map(Integer::valueOf).toList();
        return new PlannedJob(rs.getString("job_id"), Sql.instant(rs, "start_at"), Sql.instant(rs, "end_at"), runSlots,
                rs.getString("outcome"), rs.getInt("late_slots"), rs.getString("explanation"), rs.getDouble("saved_kwh"),
                rs.getDouble("saved_eur"), rs.getDouble("saved_kg_co2"), rs.getString("bound_by"));
    }

    private static String toJson(List<PlannedSlot> slots) {
        try {
            return JSON.writeValueAsString(slots);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plan slots could not be written as JSON", e);
        }
    }

    private static List<PlannedSlot> fromJson(String json) {
        try {
            return JSON.readValue(json, SLOTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored plan slots are not valid JSON", e);
        }
    }
}
