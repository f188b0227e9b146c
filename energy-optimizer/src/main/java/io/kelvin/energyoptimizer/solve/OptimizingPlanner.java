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
        boolean soft = DemandResponse.fixedLoadBreaksAHardCap(problem);
        Plan greedy = bestHeuristic(problem, previous, soft);
        Map<String, List<Integer>> hint = new HashMap<>();
        greedy.jobs().forEach(j -> hint.put(j.jobId(), j.runSlots()));
        hint.putAll(previous);
        ScheduleModel model = ScheduleModel.build(problem, !soft);
        MilpResult result = solver.solve(model.model(), settings, model.hint(hint));
        if (result.status() == MilpResult.Status.INFEASIBLE && !soft && problem.drEvents().stream().anyMatch(e -> e.hard())) {
            LOG.warn("hard DR caps infeasible; re-solving with soft caps");
            soft = true;
            model = ScheduleModel.build(problem, false);
            result = solver.solve(model.model(), settings, model.hint(hint));
        }
        SolveInfo info = new SolveInfo(name(), result.status().name(), result.millis() + greedy.info().millis(),
                result.gap(), result.objective(), result.bound(), Optional.empty(), soft);
        if (!result.hasSolution()) {
            return fallback(greedy, info, "solver " + settings.backend() + " returned " + result.status() + " after "
                    + result.millis() + " ms (limit " + settings.timeLimit().toMillis() + " ms): greedy plan used");
        }
        Plan plan = PlanAssembler.assemble(problem, model.runSlots(result.values()), info);
        if (greedy.objectiveEur() < plan.objectiveEur() - 1e-6 && (soft || !greedy.info().drRelaxed())) {
            return fallback(greedy, info, String.format(java.util.Locale.ROOT,
                    "greedy plan cheaper than the solver's %s incumbent (%.2f vs %.2f EUR): greedy plan used",
                    result.status(), greedy.objectiveEur(), plan.objectiveEur()));
        }
        return plan;
    }

    /** The cheaper of the two heuristics, preferring plans that keep hard DR caps unless they are soft anyway. */
    private Plan bestHeuristic(Problem problem, Map<String, List<Integer>> previous, boolean soft) {
        return heuristics.stream().map(h -> h.plan(problem, previous))
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
