package io.kelvin.reports.report;

import io.kelvin.core.reporting.PlanOutcomeHistory;
import io.kelvin.core.reporting.PlanOutcomeHistory.PlanOutcome;
import io.kelvin.reports.period.ReportPeriod;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The titles of the report sections whose data lives outside the telemetry store, and the optimizer savings section. */
final class Sections {

    static final String DEMAND_RESPONSE = "Demand-response performance";
    static final String SAVINGS = "Optimizer savings";
    /** The project column of a job that names none. */
    static final String NO_PROJECT = "(none)";

    static final List<String> SAVINGS_HEADER = List.of("Job", "Project", "Slots run", "Planned kWh", "Metered kWh",
            "Planned EUR", "Baseline kWh", "Baseline EUR", "Saving EUR", "Planned kg CO2e", "Baseline kg CO2e",
            "Saving kg CO2e", "Baseline");

    static final List<String> SAVINGS_METHOD = List.of(
            "Jobs are listed when Kelvin dispatched them in a slot starting in the period. Planned: for each slot a job "
                    + "ran, the figures the plan that dispatched the slot predicted for the job, spread evenly over the job's "
                    + "run slots in that plan. kWh is the IT energy above idle the job draws; EUR (import at price plus "
                    + "carbon price less feed-in) and kg CO2e (grid import times the carbon intensity) are what the job "
                    + "adds to the site's predicted flows: the flows with the job less those without it, as each job's "
                    + "plan explanation prices a move; EUR also counts the job's work past the plan's horizon at the "
                    + "plan's terminal rate (its mean cost of a kWh).",
            "Metered: the cluster gives no per-job meter, so a job's energy is attributed from its dispatched runs: "
                    + "each slot it ran times its IT power above idle. The IT meters measure all jobs together and "
                    + "are reported above; a slot the cap guard paused the job in is not counted as run. Scaling each "
                    + "quarter hour's attributed energy to the IT meters would need the load Kelvin does not schedule, "
                    + "which is only forecast, so the scaled figure would carry the forecast's error; it is not done.",
            "Baseline (run-immediately): when a plan is made, the same problem is also planned with every job started "
                    + "as soon as it fits, in arrival order, and each job's figures there are kept. A job's baseline is "
                    + "that of the first plan that had it, times the share of its recorded runs that lie in the period. "
                    + "Saving = baseline less planned; a negative saving means the plan cost more for that job.",
            "Subtotals per project (tenant) and the total add the unrounded figures of their jobs; runs dispatched "
                    + "by plans stored before per-job figures were kept are left out.");

    private Sections() {
    }

    static Section savings(Optional<PlanOutcomeHistory> source, ReportPeriod period) {
        if (source.isEmpty()) {
            return Section.unavailable(SAVINGS, "No source: this report was made without the state database that "
                    + "keeps the optimizer's plans and the jobs' runs.");
        }
        List<PlanOutcome> outcomes = source.get().outcomes(period.start(), period.end()).stream()
                .sorted(Comparator.comparing((PlanOutcome o) -> o.project().orElse(""))
                        .thenComparing(PlanOutcome::jobId)).toList();
        if (outcomes.isEmpty()) {
            return new Section(SAVINGS, Optional.of("No job was dispatched by a plan with per-job figures in the period."),
                    List.of(), List.of(), SAVINGS_METHOD);
        }
        List<List<String>> rows = new ArrayList<>();
        Map<String, Sum> byProject = new TreeMap<>();
        Sum total = new Sum();
        for (PlanOutcome o : outcomes) {
            rows.add(row(o.jobId(), o.project().orElse(NO_PROJECT), o.slotsRun(), o.plannedKwh(), o.meteredKwh(),
                    o.planCost(), o.baselineKwh(), o.baselineCost(), o.planCo2Kg(), o.baselineCo2Kg(), o.baseline()));
            byProject.computeIfAbsent(o.project().orElse(NO_PROJECT), k -> new Sum()).add(o);
            total.add(o);
        }
        byProject.forEach((project, sum) -> rows.add(sum.row("Subtotal (" + sum.jobs + " jobs)", project)));
        rows.add(total.row("Total (" + total.jobs + " jobs)", ""));
        return new Section(SAVINGS, Optional.empty(), SAVINGS_HEADER, rows, SAVINGS_METHOD);
    }

    private static List<String> row(String job, String project, int slots, double plannedKwh, double meteredKwh,
                                    double planEur, double baselineKwh, double baselineEur, double planKg,
                                    double baselineKg, String baseline) {
        return List.of(job, project, Integer.toString(slots), number(plannedKwh, 1), number(meteredKwh, 1),
                number(planEur, 2), number(baselineKwh, 1), number(baselineEur, 2), number(baselineEur - planEur, 2),
                number(planKg, 1), number(baselineKg, 1), number(baselineKg - planKg, 1), baseline);
    }

    /** Unrounded sums of a group of jobs. */
    private static final class Sum {
        int jobs;
        int slots;
        double plannedKwh;
        double meteredKwh;
        double planEur;
        double baselineKwh;
        double baselineEur;
        double planKg;
        double baselineKg;
        String baseline = "";

        void add(PlanOutcome o) {
            jobs++;
            slots += o.slotsRun();
            plannedKwh += o.plannedKwh();
            meteredKwh += o.meteredKwh();
            planEur += o.planCost();
            baselineKwh += o.baselineKwh();
            baselineEur += o.baselineCost();
            planKg += o.planCo2Kg();
            baselineKg += o.baselineCo2Kg();
            baseline = baseline.isEmpty() || baseline.equals(o.baseline()) ? o.baseline() : "mixed";
        }

        List<String> row(String label, String project) {
            return Sections.row(label, project, slots, plannedKwh, meteredKwh, planEur, baselineKwh, baselineEur, planKg,
                    baselineKg, baseline);
        }
    }

    private static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
