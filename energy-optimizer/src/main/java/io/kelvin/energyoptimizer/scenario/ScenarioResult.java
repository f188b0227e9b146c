package io.kelvin.energyoptimizer.scenario;

import io.kelvin.energyoptimizer.check.ObjectiveTerms;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * One policy's week: energy cost (import minus feed-in, EUR), grid emissions (kg CO2), renewable
 * self-consumption (% of PV and wind used on site), import peak (kW), the jobs that missed their deadline
 * (ended late or never), DR compliance (% of event slots at or under the cap), GPU-hours run after the metered window
 * and their marginal cost and emissions (already in {@code costEur} and {@code emissionsKg}), GPU-hours never served, planner time p50/p99
 * (ms), plans made, plans the checker rejected, and plans that fell back to the greedy heuristic.
 *
 * <p>{@code replayObjectiveEur} is the objective of what ran over the whole replay as one problem, recomputed
 * by the independent checker ({@link ScenarioRunner}): the figure the policies and the clairvoyant bound are
 * compared on; {@code replayTerms} splits it into its terms.
 *
 * <p>{@code capBreakingJobs} are the jobs that ran in a slot where the metered import was above a DR event's
 * cap: a deadline such a job met is not one a plan within the caps is known to meet (see {@link MissComparison}).
 * Both id sets keep the order they are given in (the runner gives trace order and slot order).
 */
public record ScenarioResult(String policy, double costEur, double emissionsKg, double selfConsumptionPct,
                             double peakImportKw, Set<String> missedJobs, int jobs, double drCompliancePct,
                             double tailGpuHours, double tailCostEur, double tailKg, double unservedGpuHours,
                             long p50Millis, long p99Millis, int plans, int rejectedPlans, int fallbacks,
                             Set<String> capBreakingJobs, double replayObjectiveEur, ObjectiveTerms replayTerms) {

    public ScenarioResult {
        missedJobs = Collections.unmodifiableSet(new LinkedHashSet<>(missedJobs));
        capBreakingJobs = Collections.unmodifiableSet(new LinkedHashSet<>(capBreakingJobs));
    }

    /** Deadline misses: jobs that ended after their deadline or never. */
    public int missed() {
        return missedJobs.size();
    }

    public String detailLine() {
        return String.format(Locale.ROOT, "policy %s: cost %.0f EUR, emissions %.0f kgCO2, self-consumption %.1f %%,"
                        + " import peak %.0f kW, missed %d of %d jobs, dr-compliance %.1f %%, late tail %.0f GPU-h (%.0f EUR, %.0f kgCO2),"
                        + " unserved %.0f GPU-h, planner p50 %d ms p99 %d ms, plans %d (checker rejected %d, fallbacks %d)",
                policy, costEur, emissionsKg, selfConsumptionPct, peakImportKw, missed(), jobs, drCompliancePct, tailGpuHours,
                tailCostEur, tailKg, unservedGpuHours, p50Millis, p99Millis, plans, rejectedPlans, fallbacks);
    }

    /** The replay objective's terms, to see where a policy loses against another or the bound. */
    public String termsLine() {
        return String.format(Locale.ROOT, "replay terms %s: %s", policy, replayTerms);
    }

    /** Exactly the form, so scripts can parse it; unserved work and the late tail are in the detail line. */
    public String summaryLine() {
        return String.format(Locale.ROOT, "scenario: %s cost %.0f EUR, emissions %.0f kgCO2, self-consumption %.1f %%,"
                + " missed %d, dr-compliance %.1f %%", policy, costEur, emissionsKg, selfConsumptionPct, missed(),
                drCompliancePct);
    }
}
