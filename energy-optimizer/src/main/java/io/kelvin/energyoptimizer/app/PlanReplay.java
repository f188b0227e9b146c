package io.kelvin.energyoptimizer.app;

import io.kelvin.core.plan.PlanStore;
import io.kelvin.core.plan.PlannedJob;
import io.kelvin.core.plan.StoredPlan;
import io.kelvin.energyoptimizer.check.PlanChecker;
import io.kelvin.energyoptimizer.model.Plan;
import io.kelvin.energyoptimizer.solve.Planner;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Makes a stored plan again from its stored inputs ({@link PlanInputs}: problem and warm start) with the
 * planner it names, and says whether the result is the same plan: the same run slots and outcome for
 * every job and the same objective. A plan the wall-clock cap cut short may legitimately differ.
 */
public final class PlanReplay {

    /** Objectives closer than this (EUR) are the same. */
    private static final double SAME_EUR = 1e-6;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    /** The stored plan, the plan made again, its zone, and every difference between them (empty: the same plan). */
    public record Result(StoredPlan stored, StoredPlan again, ZoneId zone, List<String> differences) {

        public Result {
            differences = List.copyOf(differences);
        }

        public boolean same() {
            return differences.isEmpty();
        }
    }

    private PlanReplay() {
    }

    /** The forecast as the stored plan kept it: the problem's, the inputs' provenance and the bands of its slots. */
    private static ForecastSource.PlanForecast storedForecast(io.kelvin.energyoptimizer.model.Problem problem,
                                                             StoredPlan stored) {
        int n = problem.slots();
        double[] p10 = new double[n];
        double[] p90 = new double[n];
        double[] windP10 = new double[n];
        double[] windP90 = new double[n];
        for (double[] a : List.of(p10, p90, windP10, windP90)) {
            java.util.Arrays.fill(a, Double.NaN);
        }
        for (var s : stored.slots()) {
            if (s.slot() >= 0 && s.slot() < n) {
                p10[s.slot()] = orNaN(s.pvP10Kw());
                p90[s.slot()] = orNaN(s.pvP90Kw());
                windP10[s.slot()] = orNaN(s.windP10Kw());
                windP90[s.slot()] = orNaN(s.windP90Kw());
            }
        }
        return new ForecastSource.PlanForecast(problem.forecast(), stored.inputs(), p10, p90, windP10, windP90);
    }

    private static double orNaN(Double v) {
        return v == null ? Double.NaN : v;
    }

    /**
     * Re-runs plan {@code id}. {@link NoSuchEntryException} when there is no such plan,
     * IllegalArgumentException when it was stored without its inputs or they do not read back.
     */
    public static Result replay(PlanStore plans, long id, Function<String, Planner> plannerByName) {
        StoredPlan stored = plans.find(id).orElseThrow(() -> new NoSuchEntryException("No plan with id " + id + "."));
        String text = plans.inputs(id).orElseThrow(() -> new IllegalArgumentException("plan " + id
                + ": stored without its inputs (made before inputs were kept), so it cannot be made again"));
        PlanInputs inputs = PlanInputs.read(text);
        String hash = PlanInputs.sha256(text);
        Planner planner = plannerByName.apply(stored.planner());
        Plan plan = planner.plan(inputs.problem(), inputs.previous());
        StoredPlan again = PlanRecords.of(inputs, plan, stored.reason(), stored.createdAt(),
                new PlanChecker().check(inputs.problem(), plan).notes(), hash, storedForecast(inputs.problem(), stored))
                .withId(id);
        List<String> differences = new ArrayList<>();
        if (!hash.equals(stored.inputHash())) {
            differences.add("inputs: stored hash " + stored.inputHash() + ", stored inputs hash to " + hash);
        }
        Map<String, PlannedJob> before = stored.jobs().stream().collect(Collectors.toMap(PlannedJob::jobId, j -> j));
        Map<String, PlannedJob> after = again.jobs().stream().collect(Collectors.toMap(PlannedJob::jobId, j -> j));
        for (PlannedJob j : stored.jobs()) {
            PlannedJob a = after.get(j.jobId());
            if (a == null) {
                differences.add(j.jobId() + ": not in the plan made again");
            } else if (!a.runSlots().equals(j.runSlots()) || !a.outcome().equals(j.outcome())) {
                differences.add(j.jobId() + ": stored " + j.outcome() + " " + j.runSlots() + ", again " + a.outcome() + " "
                        + a.runSlots());
            }
        }
        after.keySet().stream().filter(k -> !before.containsKey(k)).sorted()
                .forEach(k -> differences.add(k + ": only in the plan made again"));
        if (Math.abs(stored.predicted().objectiveEur() - again.predicted().objectiveEur()) > SAME_EUR) {
            differences.add(String.format(Locale.ROOT, "objective: stored %.6f EUR, again %.6f EUR",
                    stored.predicted().objectiveEur(), again.predicted().objectiveEur()));
        }
        return new Result(stored, again, inputs.problem().zone(), differences);
    }

    /** The plan as lines for people: provenance, predicted totals, then each job with its times in {@code zone}. */
    public static List<String> describe(StoredPlan p, ZoneId zone) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "plan %d by %s (%s%s), inputs %s", p.id(), p.planner(), p.solverStatus(),
                p.cutByWallClock() ? ", cut by the wall-clock cap" : "", p.inputHash()));
        out.add(String.format(Locale.ROOT, "horizon from %s %s, objective %.2f EUR, grid cost %.2f EUR, import %.1f kWh,"
                + " %.1f kg CO2", LOCAL.format(p.horizonStart().atZone(zone)), zone.getId(),
                p.predicted().objectiveEur(), p.predicted().costEur(), p.predicted().importKwh(), p.predicted().co2Kg()));
        for (PlannedJob j : p.jobs()) {
            String when = j.start() == null ? "not placed"
                    : LOCAL.format(j.start().atZone(zone)) + " .. " + LOCAL.format(j.end().atZone(zone));
            out.add(String.format(Locale.ROOT, "  %s %s %s slots %s", j.jobId(), j.outcome(), when, j.runSlots()));
        }
        return out;
    }
}
