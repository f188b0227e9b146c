package io.kelvin.energyoptimizer.solve;

import io.kelvin.energyoptimizer.baseline.GreedyWindowPlanner;
import io.kelvin.energyoptimizer.baseline.RunImmediatelyPlanner;
import io.kelvin.energyoptimizer.milp.ScheduleModel;
import io.kelvin.energyoptimizer.model.Plan;
import io.kelvin.energyoptimizer.model.PlanAssembler;
import io.kelvin.energyoptimizer.model.Problem;
import io.kelvin.energyoptimizer.model.SolveInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MILP planner: builds {@link ScheduleModel}, solves it through the {@link MilpSolver} port
 * with the settings' time limit and gap, warm-started from the previous plan. If hard DR caps make
 * the model infeasible, it solves again with soft caps and says so. The cheaper of the two
 * heuristic plans is the warm start and the fallback: it is returned, with the reason, when no
 * solution comes back in time or when it beats the solver's incumbent.
 */
public final class OptimizingPlanner implements Planner {

    private static final Logger LOG = LoggerFactory.getLogger(OptimizingPlanner.class);

    private final MilpSolver solver;
    private final SolverSettings settings;
    private final List<Planner> heuristics = List.of(new GreedyWindowPlanner(), new RunImmediatelyPlanner());

    public OptimizingPlanner(MilpSolver solver, SolverSettings settings) {
        this.solver = solver;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "optimizer-" + settings.backend().name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public Plan plan(Problem problem, Map<String, List<Integer>> previous) {
        long started = System.nanoTime();
        boolean soft = DemandResponse.fixedLoadBreaksAHardCap(problem);
        Plan greedy = bestHeuristic(problem, previous, soft);
        Map<String, List<Integer>> hint = new HashMap<>();
        greedy.jobs().forEach(j -> hint.put(j.jobId(), j.runSlots()));
        ScheduleModel model = ScheduleModel.build(problem, !soft);
        MilpResult result = solver.solve(model.model(), remaining(started), model.hint(hint));
        // A heuristic plan that keeps the hard caps proves the model feasible: INFEASIBLE then means "gave up".
        boolean capsProvenFeasible = !greedy.info().drRelaxed();
        if (result.status() == MilpResult.Status.INFEASIBLE && !soft && !capsProvenFeasible
                && problem.drEvents().stream().anyMatch(e -> e.hard())) {
            LOG.warn("hard DR caps infeasible; re-solving with soft caps");
            soft = true;
            model = ScheduleModel.build(problem, false);
            result = solver.solve(model.model(), remaining(started), model.hint(hint));
        }
        SolveInfo info = new SolveInfo(name(), result.status().name(), result.millis() + greedy.info().millis(),
                result.gap(), result.objective(), result.bound(), Optional.empty(), soft);
        if (!result.hasSolution()) {
            return fallback(greedy, info, "solver " + settings.backend() + " returned " + result.status() + " after "
                    + result.millis() + " ms (limit " + settings.timeLimit().toMillis() + " ms): " + greedy.info().planner()
                    + " plan used");
        }
        Plan plan = PlanAssembler.assemble(problem, model.runSlots(result.values()), info);
        if (greedy.objectiveEur() < plan.objectiveEur() - 1e-6 && (soft || !greedy.info().drRelaxed())) {
            return fallback(greedy, info, String.format(java.util.Locale.ROOT,
                    "%s plan cheaper than the solver's %s incumbent (%.2f vs %.2f EUR): %1$s plan used",
                    greedy.info().planner(), result.status(), greedy.objectiveEur(), plan.objectiveEur()));
        }
        return plan;
    }

    /** The time limit less what heuristics and model building have used (at least a tenth of the limit). */
    private SolverSettings remaining(long startedNanos) {
        long limit = settings.timeLimit().toMillis();
        long used = (System.nanoTime() - startedNanos) / 1_000_000;
        return settings.withTimeLimit(java.time.Duration.ofMillis(Math.max(limit / 10, limit - used)));
    }

    /**
     * The cheapest of the two heuristics and the previous plan kept where still valid (new jobs placed
     * greedily around it), preferring plans that keep hard DR caps unless they are soft anyway. Keeping
     * the previous plan as a candidate stops a re-plan from undoing a better plan found earlier.
     */
    private Plan bestHeuristic(Problem problem, Map<String, List<Integer>> previous, boolean soft) {
        java.util.stream.Stream<Plan> kept = previous.isEmpty() ? java.util.stream.Stream.empty()
                : java.util.stream.Stream.of(new GreedyWindowPlanner().keepingPrevious(problem, previous));
        return java.util.stream.Stream.concat(heuristics.stream().map(h -> h.plan(problem, previous)), kept)
                .min(java.util.Comparator.comparing((Plan p) -> !soft && p.info().drRelaxed())
                        .thenComparingDouble(Plan::objectiveEur))
                .orElseThrow();
    }

    private static Plan fallback(Plan greedy, SolveInfo info, String reason) {
        LOG.warn(reason);
        SolveInfo withReason = new SolveInfo(info.planner(), info.status(), info.millis(), info.gap(),
                info.solverObjective(), info.bound(), Optional.of(reason), info.drRelaxed() || greedy.info().drRelaxed());
        return new Plan(greedy.jobs(), greedy.slots(), greedy.costs(), withReason);
    }
}
