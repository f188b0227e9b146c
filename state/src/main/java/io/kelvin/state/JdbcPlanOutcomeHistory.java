package io.kelvin.state;

import io.kelvin.core.plan.PlanJobOutcome;
import io.kelvin.core.reporting.PlanOutcomeHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * {@link PlanOutcomeHistory} on the state database: the jobs dispatched ({@code job_runs}) in a slot starting in
 * the period, by plans that kept their per-job figures ({@code plan_job_outcomes}; runs of older plans are left
 * out). Per job:
 * <ul>
 * <li>predicted: for each run slot, the dispatching plan's figure for the job divided evenly over the job's run
 *     slots in that plan (kWh, EUR, kg CO2);</li>
 * <li>metered: each run slot's length times the job's IT kW above idle, as the dispatching plan had it (the
 *     cluster gives no per-job meter, so a job's energy is attributed from its dispatched runs);</li>
 * <li>run-immediately: the figures of the first plan that had the job (its counterfactual for the whole job),
 *     times the share of the job's recorded runs that lie in the period.</li>
 * </ul>
 */
public final class JdbcPlanOutcomeHistory implements PlanOutcomeHistory {

    /** The baseline's name in the report. */
    public static final String BASELINE = "run-immediately";

    private static final String RAN = "SELECT DISTINCT job_id FROM job_runs WHERE slot_start >= ? AND slot_start < ?";

    private final Jdbc jdbc;

    public JdbcPlanOutcomeHistory(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    private record Run(String jobId, String project, int slotMinutes, PlanJobOutcome planned) {
    }

    @Override
    public List<PlanOutcome> outcomes(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return List.of();
        }
        Map<String, List<Run>> runs = new TreeMap<>();
        jdbc.query("SELECT j.project, p.slot_minutes, o." + JdbcPlanOutcomeStore.COLUMNS.replace(", ", ", o.")
                + " FROM job_runs r JOIN plans p ON p.id = r.plan_id JOIN jobs j ON j.id = r.job_id"
                + " JOIN plan_job_outcomes o ON o.plan_id = r.plan_id AND o.job_id = r.job_id"
                + " WHERE r.slot_start >= ? AND r.slot_start < ? ORDER BY r.job_id, r.slot_start", st -> {
                    Jdbc.instant(st, 1, from);
                    Jdbc.instant(st, 2, to);
                }, rs -> new Run(rs.getString("job_id"), rs.getString("project"), rs.getInt("slot_minutes"),
                        JdbcPlanOutcomeStore.read(rs)))
                .forEach(r -> runs.computeIfAbsent(r.jobId(), k -> new ArrayList<>()).add(r));
        if (runs.isEmpty()) {
            return List.of();
        }
        Map<String, Long> allRuns = new HashMap<>();
        jdbc.query("SELECT r.job_id, COUNT(*) AS n FROM job_runs r JOIN plan_job_outcomes o ON o.plan_id = r.plan_id"
                + " AND o.job_id = r.job_id WHERE r.job_id IN (" + RAN + ") GROUP BY r.job_id", st -> {
                    Jdbc.instant(st, 1, from);
                    Jdbc.instant(st, 2, to);
                }, rs -> Map.entry(rs.getString("job_id"), rs.getLong("n")))
                .forEach(e -> allRuns.put(e.getKey(), e.getValue()));
        Map<String, PlanJobOutcome> first = new HashMap<>();
        jdbc.query("SELECT o." + JdbcPlanOutcomeStore.COLUMNS.replace(", ", ", o.") + " FROM plan_job_outcomes o"
                + " WHERE o.job_id IN (" + RAN + ") AND o.plan_id = (SELECT MIN(f.plan_id) FROM plan_job_outcomes f"
                + " WHERE f.job_id = o.job_id)", st -> {
                    Jdbc.instant(st, 1, from);
                    Jdbc.instant(st, 2, to);
                }, JdbcPlanOutcomeStore::read).forEach(o -> first.put(o.jobId(), o));
        List<PlanOutcome> out = new ArrayList<>();
        for (var e : runs.entrySet()) {
            double kwh = 0, eur = 0, kg = 0, metered = 0;
            for (Run r : e.getValue()) {
                PlanJobOutcome p = r.planned();
                int slots = Math.max(1, p.plannedSlots());
                kwh += p.plannedKwh() / slots;
                eur += p.plannedEur() / slots;
                kg += p.plannedKgCo2() / slots;
                metered += p.kwAboveIdle() * r.slotMinutes() / 60.0;
            }
            int ran = e.getValue().size();
            PlanJobOutcome b = first.get(e.getKey());
            double share = (double) ran / Math.max(ran, allRuns.getOrDefault(e.getKey(), (long) ran));
            out.add(new PlanOutcome(e.getKey(), Optional.ofNullable(e.getValue().get(0).project()), ran, kwh, metered,
                    eur, kg, b.baselineKwh() * share, b.baselineEur() * share, b.baselineKgCo2() * share, BASELINE));
        }
        return out;
    }
}
