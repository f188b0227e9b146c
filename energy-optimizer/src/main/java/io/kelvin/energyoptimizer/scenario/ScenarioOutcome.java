package io.kelvin.energyoptimizer.scenario;

import io.kelvin.energyoptimizer.baseline.GreedyWindowPlanner;
import io.kelvin.energyoptimizer.decompose.DecompositionSolver;
import io.kelvin.energyoptimizer.check.ObjectiveTerms;
import io.kelvin.energyoptimizer.check.PlanChecker;
import io.kelvin.energyoptimizer.model.JobRuns;
import io.kelvin.energyoptimizer.model.Plan;
import io.kelvin.energyoptimizer.model.PlanAssembler;
import io.kelvin.energyoptimizer.model.SolveInfo;
import io.kelvin.energyoptimizer.model.Problem;
import java.util.List;
import java.util.Locale;

/**
 * A scenario's results with the clairvoyant bound: the decomposition's lower bound on the whole replay
 * with every job known from the start ({@link Scenario#wholeReplay}), which no policy can beat. A
 * policy's captured share is (run-immediately - policy) / (run-immediately - bound), each objective the
 * checker's recomputation over the whole replay; 100 % = as good as hindsight allows, 0 % = no better
 * than running everything at once.
 */
public record ScenarioOutcome(List<ScenarioResult> results, double boundEur, double boundPlanEur,
                              ObjectiveTerms boundPlanTerms) {

    /** Job sub-problems the bound's decomposition may solve. */
    static final long BOUND_JOB_SOLVES = 1_500_000;

    public static ScenarioOutcome of(Scenario s, List<ScenarioResult> results) {
        Problem whole = s.wholeReplay();
        JobRuns greedy = JobRuns.of(new GreedyWindowPlanner().plan(whole, JobRuns.none()));
        DecompositionSolver.Result r = new DecompositionSolver(whole, true)
                .solve(List.of(greedy), BOUND_JOB_SOLVES, s.solver().timeLimit().multipliedBy(20), 0.001);
        Plan plan = PlanAssembler.assemble(whole, r.runSlots(), SolveInfo.heuristic("clairvoyant", 0));
        return new ScenarioOutcome(results, r.boundEur(), r.objectiveEur(), new PlanChecker().check(whole, plan).terms());
    }

    public ScenarioResult optimizer() {
        return results.get(0);
    }

    public ScenarioResult runImmediately() {
        return results.stream().filter(r -> r.policy().equals("run-immediately")).findFirst().orElseThrow();
    }

    public ScenarioResult greedy() {
        return results.stream().filter(r -> r.policy().equals("greedy-window")).findFirst().orElseThrow();
    }

    /** (run-immediately - policy) / (run-immediately - bound); NaN when nothing can be saved. */
    public double captured(ScenarioResult r) {
        double achievable = runImmediately().replayObjectiveEur() - boundEur;
        return achievable > 1e-6 ? (runImmediately().replayObjectiveEur() - r.replayObjectiveEur()) / achievable : Double.NaN;
    }

    public String capturedText(ScenarioResult r) {
        return String.format(Locale.ROOT, ", replay objective %.0f EUR, captured %s", r.replayObjectiveEur(),
                Double.isNaN(captured(r)) ? "n/a (no saving achievable: the bound is not below run-immediately's)"
                        : capturedPct(r));
    }

    /** The captured share as {@code 97 %}, or {@code n/a} where nothing can be saved. */
    public String capturedPct(ScenarioResult r) {
        double c = captured(r);
        return Double.isNaN(c) ? "n/a" : String.format(Locale.ROOT, "%.0f %%", 100 * c);
    }

    public String boundLine() {
        return String.format(Locale.ROOT, "clairvoyant: every job known in advance, lower bound %.0f EUR (its plan %.0f EUR);"
                + " run-immediately %.0f EUR: achievable saving %.0f EUR", boundEur, boundPlanEur,
                runImmediately().replayObjectiveEur(), runImmediately().replayObjectiveEur() - boundEur);
    }

    /** The clairvoyant plan's terms (the plan, not the bound, which has no terms of its own). */
    public String boundTermsLine() {
        return "replay terms clairvoyant plan: " + boundPlanTerms;
    }
}
