package io.kelvin.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.kelvin.core.plan.PlanBound;
import io.kelvin.core.plan.PlanCosts;
import io.kelvin.core.plan.PlanInput;
import io.kelvin.core.plan.PlanStore;
import io.kelvin.core.plan.Placement;
import io.kelvin.core.plan.PlannedJob;
import io.kelvin.core.plan.PlannedSlot;
import io.kelvin.core.plan.SolverStatus;
import io.kelvin.core.plan.StoredPlan;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * {@link PlanStore} on {@code plans} (one row each; the slots as a JSON array of objects named like
 * {@link PlannedSlot}'s components, times as ISO-8601 text) and {@code plan_jobs} (every job's place and
 * explanation). Saving a plan also dispatches its first slot in {@code job_runs}, in the same transaction.
 */
public final class JdbcPlanStore implements PlanStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String PLAN_COLUMNS = "id, created_at, reason, planner, solver_status, fallback_reason,"
            + " dr_relaxed, solve_ms, horizon_start, slot_minutes, objective_eur, energy_eur, export_credit_eur,"
            + " carbon_eur, lateness_eur, missed_eur, dr_penalty_eur, switching_eur, heat_credit_eur, import_kwh,"
            + " co2_kg, pue, check_notes, input_hash, work_used, cut_by_wall_clock, input_sources, lower_bound_eur,"
            + " relative_gap";
    private static final String PLAN_INSERT = "INSERT INTO plans (created_at, reason, planner, solver_status,"
            + " fallback_reason, dr_relaxed, solve_ms, horizon_start, slot_minutes, objective_eur, energy_eur,"
            + " export_credit_eur, carbon_eur, lateness_eur, missed_eur, dr_penalty_eur, switching_eur,"
            + " heat_credit_eur, import_kwh, co2_kg, pue, check_notes, slots_json, input_hash, inputs_text,"
            + " work_used, cut_by_wall_clock, input_sources, lower_bound_eur, relative_gap)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String JOB_INSERT = "INSERT INTO plan_jobs (plan_id, job_id, start_at, end_at, run_slots,"
            + " outcome, late_slots, explanation, saved_kwh, saved_eur, saved_kg_co2, bound_by)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Jdbc jdbc;

    public JdbcPlanStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public StoredPlan save(StoredPlan plan, String inputs) {
        return jdbc.inTransaction("INSERT INTO plans", c -> {
            long id = insertPlan(c, plan, inputs);
            insertJobs(c, id, plan.jobs());
            JdbcJobRunStore.dispatch(c, id, plan.horizonStart(),
                    plan.jobs().stream().filter(j -> j.runSlots().contains(0)).map(PlannedJob::jobId).toList());
            return plan.withId(id);
        });
    }

    @Override
    public Optional<String> inputs(long id) {
        return jdbc.queryOne("SELECT inputs_text FROM plans WHERE id = ?", st -> st.setLong(1, id),
                rs -> Optional.ofNullable(rs.getString("inputs_text"))).flatMap(o -> o);
    }

    @Override
    public Optional<StoredPlan> latest() {
        return plans("SELECT " + PLAN_COLUMNS + ", slots_json FROM plans ORDER BY id DESC", 1, true, st -> { })
                .stream().findFirst();
    }

    @Override
    public Optional<StoredPlan> find(long id) {
        return plans("SELECT " + PLAN_COLUMNS + ", slots_json FROM plans WHERE id = ?", 1, true, st -> st.setLong(1, id))
                .stream().findFirst();
    }

    @Override
    public OptionalLong latestId() {
        return jdbc.queryOne("SELECT MAX(id) AS id FROM plans", st -> { }, rs -> {
            long id = rs.getLong("id");
            return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(id);
        }).orElse(OptionalLong.empty());
    }

    @Override
    public List<StoredPlan> history(int limit) {
        return plans("SELECT " + PLAN_COLUMNS + " FROM plans ORDER BY id DESC", limit, false, st -> { });
    }

    @Override
    public Optional<Placement> latestFor(String jobId) {
        return jdbc.inTransaction("SELECT FROM plan_jobs", c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT * FROM plan_jobs WHERE job_id = ? ORDER BY plan_id DESC")) {
                st.setMaxRows(1);
                st.setString(1, jobId);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(new Placement(rs.getLong("plan_id"), readJob(rs))) : Optional.empty();
                }
            }
        });
    }

    private static long insertPlan(Connection c, StoredPlan p, String inputs) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(PLAN_INSERT, Statement.RETURN_GENERATED_KEYS)) {
            PlanCosts k = p.predicted();
            Jdbc.instant(st, 1, p.createdAt());
            st.setString(2, p.reason());
            st.setString(3, p.planner());
            st.setString(4, p.solverStatus().name());
            st.setString(5, p.fallbackReason());
            st.setBoolean(6, p.drRelaxed());
            st.setLong(7, p.solveMillis());
            Jdbc.instant(st, 8, p.horizonStart());
            st.setInt(9, p.slotMinutes());
            double[] terms = {k.objectiveEur(), k.energyEur(), k.exportCreditEur(), k.carbonEur(), k.latenessEur(),
                k.missedEur(), k.drPenaltyEur(), k.switchingEur(), k.heatCreditEur(), k.importKwh(), k.co2Kg(), k.pue()};
            for (int i = 0; i < terms.length; i++) {
                st.setDouble(10 + i, terms[i]);
            }
            st.setString(22, String.join("\n", p.checkNotes()));
            st.setString(23, toJson(p.slots()));
            st.setString(24, p.inputHash());
            if (inputs == null) {
                st.setNull(25, Types.VARCHAR);
            } else {
                st.setString(25, inputs);
            }
            st.setLong(26, p.workUsed());
            st.setBoolean(27, p.cutByWallClock());
            st.setString(28, inputsToJson(p.inputs()));
            if (p.bound() == null) {
                st.setNull(29, Types.DOUBLE);
                st.setNull(30, Types.DOUBLE);
            } else {
                st.setDouble(29, p.bound().lowerBoundEur());
                st.setDouble(30, p.bound().gap());
            }
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
                Jdbc.instant(st, 3, j.start());
                Jdbc.instant(st, 4, j.end());
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

    private List<StoredPlan> plans(String sql, int limit, boolean withSlots, Jdbc.Binder binder) {
        return jdbc.inTransaction("SELECT FROM plans", c -> {
            List<StoredPlan> plans = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(sql)) {
                st.setMaxRows(limit);
                binder.bind(st);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        plans.add(readPlan(rs, withSlots));
                    }
                }
            }
            List<StoredPlan> out = new ArrayList<>();
            for (StoredPlan p : plans) {
                out.add(p.withSlotsAndJobs(p.slots(), jobsOf(c, p.id())));
            }
            return out;
        });
    }

    private static List<PlannedJob> jobsOf(Connection c, long planId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT * FROM plan_jobs WHERE plan_id = ? ORDER BY job_id")) {
            st.setLong(1, planId);
            List<PlannedJob> jobs = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    jobs.add(readJob(rs));
                }
            }
            return jobs;
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
        Long work = Jdbc.nullableLong(rs, "work_used");
        boolean cut = rs.getBoolean("cut_by_wall_clock");
        return new StoredPlan(rs.getLong("id"), Jdbc.instant(rs, "created_at"), rs.getString("reason"),
                rs.getString("planner"), solverStatus(rs), fallbackReason != null, fallbackReason,
                rs.getBoolean("dr_relaxed"), rs.getLong("solve_ms"), Jdbc.instant(rs, "horizon_start"),
                rs.getInt("slot_minutes"), costs, notes.isEmpty() ? List.of() : Arrays.asList(notes.split("\n")),
                withSlots ? fromJson(rs.getString("slots_json")) : List.of(), List.of(), rs.getString("input_hash"),
                work == null ? 0 : work, cut, inputsFromJson(rs.getString("input_sources")), bound(rs));
    }

    /** Null where no bound was stored (SQL NULL in either column). */
    private static PlanBound bound(ResultSet rs) throws SQLException {
        double lower = rs.getDouble("lower_bound_eur");
        boolean noLower = rs.wasNull();
        double gap = rs.getDouble("relative_gap");
        return noLower || rs.wasNull() ? null : new PlanBound(lower, gap);
    }

    private static SolverStatus solverStatus(ResultSet rs) throws SQLException {
        try {
            return SolverStatus.ofStored(rs.getString("solver_status"));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("plan " + rs.getLong("id") + ": solver_status: " + e.getMessage(), e);
        }
    }

    private static PlannedJob readJob(ResultSet rs) throws SQLException {
        String runs = rs.getString("run_slots");
        List<Integer> runSlots = runs.isEmpty() ? List.of() : Arrays.stream(runs.split(",")).map(Integer::valueOf).toList();
        return new PlannedJob(rs.getString("job_id"), Jdbc.instant(rs, "start_at"), Jdbc.instant(rs, "end_at"), runSlots,
                rs.getString("outcome"), rs.getInt("late_slots"), rs.getString("explanation"), rs.getDouble("saved_kwh"),
                rs.getDouble("saved_eur"), rs.getDouble("saved_kg_co2"), rs.getString("bound_by"));
    }

    static String toJson(List<PlannedSlot> slots) {
        ArrayNode array = JSON.createArrayNode();
        for (PlannedSlot s : slots) {
            array.addObject().put("slot", s.slot()).put("start", s.start().toString()).put("busyGpus", s.busyGpus())
                    .put("itKw", s.itKw()).put("facilityKw", s.facilityKw()).put("pvKw", s.pvKw())
                    .put("windKw", s.windKw()).put("gridImportKw", s.gridImportKw())
                    .put("gridExportKw", s.gridExportKw()).put("priceEurPerKwh", s.priceEurPerKwh())
                    .put("carbonGPerKwh", s.carbonGPerKwh()).put("pvP10Kw", s.pvP10Kw()).put("pvP90Kw", s.pvP90Kw())
                    .put("windP10Kw", s.windP10Kw()).put("windP90Kw", s.windP90Kw());
        }
        try {
            return JSON.writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plan slots could not be written as JSON", e);
        }
    }

    static String inputsToJson(List<PlanInput> inputs) {
        ArrayNode array = JSON.createArrayNode();
        for (PlanInput i : inputs) {
            array.addObject().put("input", i.input()).put("source", i.source())
                    .put("refreshedAt", i.refreshedAt() == null ? null : i.refreshedAt().toString())
                    .put("freshness", i.freshness().name()).put("detail", i.detail())
                    .put("fallbackSlots", i.fallbackSlots()).put("slots", i.slots()).put("fallback", i.fallback());
        }
        try {
            return JSON.writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plan inputs could not be written as JSON", e);
        }
    }

    static List<PlanInput> inputsFromJson(String json) {
        if (json == null) {
            return List.of();
        }
        JsonNode array;
        try {
            array = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored plan inputs are not valid JSON", e);
        }
        List<PlanInput> out = new ArrayList<>();
        for (JsonNode i : array) {
            JsonNode at = i.path("refreshedAt");
            out.add(new PlanInput(i.path("input").asText(), i.path("source").asText(),
                    at.isTextual() ? Instant.parse(at.asText()) : null,
                    PlanInput.Freshness.valueOf(i.path("freshness").asText()), i.path("detail").asText(),
                    i.path("fallbackSlots").asInt(), i.path("slots").asInt(), i.path("fallback").asBoolean()));
        }
        return out;
    }

    private static Double nullableDouble(JsonNode n) {
        return n.isNumber() ? n.asDouble() : null;
    }

    static List<PlannedSlot> fromJson(String json) {
        JsonNode array;
        try {
            array = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored plan slots are not valid JSON", e);
        }
        List<PlannedSlot> out = new ArrayList<>();
        for (JsonNode s : array) {
            out.add(new PlannedSlot(s.path("slot").asInt(), Instant.parse(s.path("start").asText()),
                    s.path("busyGpus").asInt(), s.path("itKw").asDouble(), s.path("facilityKw").asDouble(),
                    s.path("pvKw").asDouble(), s.path("windKw").asDouble(), s.path("gridImportKw").asDouble(),
                    s.path("gridExportKw").asDouble(), s.path("priceEurPerKwh").asDouble(),
                    s.path("carbonGPerKwh").asDouble(), nullableDouble(s.path("pvP10Kw")),
                    nullableDouble(s.path("pvP90Kw")), nullableDouble(s.path("windP10Kw")),
                    nullableDouble(s.path("windP90Kw"))));
        }
        return out;
    }
}
