package io.kelvin.energyoptimizer.solve;

import io.kelvin.energyoptimizer.baseline.GreedyWindowPlanner;
import io.kelvin.energyoptimizer.baseline.RunImmediatelyPlanner;
import io.kelvin.energyoptimizer.decompose.DecompositionSolver;
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
 * The optimizing planner, in three stages inside the settings' time limit:
 * <ol>
 *   <li>the cheapest of the heuristics (greedy window, run immediately, the previous plan kept);</li>
 *   <li>the {@link DecompositionSolver}, started from it, for a lower bound and a better plan in up to
 *       half the limit; when its gap is within the relative gap the plan is returned (status OPTIMAL);</li>
 *   <li>else the MILP ({@link ScheduleModel}) through the {@link MilpSolver} port with the time left,
 *       warm-started from the best plan so far; the better plan is kept and the gap is taken against
 *       the better of the two bounds.</li>
 * </ol>
 * If the MILP returns nothing in time, the decomposition plan is used and the reason recorded. Hard DR
 * caps that the load no plan can move already breaks are made soft, and the plan says so.
 */
public final class OptimizingPlanner implements Planner {

    private static final Logger LOG = LoggerFactory.getLogger(OptimizingPlanner.class);

    /** Share of the time limit the decomposition may use before the MILP gets the rest, in %. */
    private static final long DECOMPOSITION_SHARE_PCT = 50;
    /**
     * Above this many binaries the MILP is not tried: measured on 2 cores, CBC found no incumbent in
     * 10 s for the 100-job benchmark instance (4,463 binaries) and overran its limit many times over
     * at 1,600 jobs; the decomposition then gets the whole time limit instead.
     */
    static final long MILP_MAX_BINARIES = 3_000;

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
        long binaries = ScheduleModel.binaries(problem);
        boolean milpInReach = binaries <= MILP_MAX_BINARIES;
        java.time.Duration budget = milpInReach ? settings.timeLimit().multipliedBy(DECOMPOSITION_SHARE_PCT).dividedBy(100)
                : remaining(started).timeLimit();
        List<Map<String, List<Integer>>> starts = previous.isEmpty() ? List.of(hint) : List.of(hint, previous);
        DecompositionSolver.Result decomposed = new DecompositionSolver(problem, !soft)
                .solve(starts, budget, settings.relativeGap());
        Plan best = PlanAssembler.assemble(problem, decomposed.runSlots(), info("DECOMPOSED", started, decomposed.gap(),
                decomposed.objectiveEur(), decomposed.boundEur(), soft));
        if (greedy.objectiveEur() < best.objectiveEur() - 1e-6 && (soft || !greedy.info().drRelaxed())) {
            best = fallback(greedy, best.info(), "heuristic plan cheaper than the decomposition's");
        }
        if (decomposed.controllableGap() <= settings.relativeGap()) {
            return withInfo(best, info("OPTIMAL", started, decomposed.gap(), best.objectiveEur(), decomposed.boundEur(), soft));
        }
        if (!milpInReach) {
            LOG.debug("MILP not tried: {} binaries (limit {})", binaries, MILP_MAX_BINARIES);
            return withInfo(best, info("FEASIBLE", started, decomposed.gap(), best.objectiveEur(), decomposed.boundEur(), soft));
        }
        hint.clear();
        best.jobs().forEach(j -> hint.put(j.jobId(), j.runSlots()));
        ScheduleModel model = ScheduleModel.build(problem, !soft);
        MilpResult result = solver.solve(model.model(), remaining(started), model.hint(hint));
        double bound = Double.isFinite(result.bound()) ? Math.max(decomposed.boundEur(), result.bound())
                : decomposed.boundEur();
        if (!result.hasSolution()) {
            String reason = "solver " + settings.backend() + " returned " + result.status() + " after " + result.millis()
                    + " ms (limit " + settings.timeLimit().toMillis() + " ms): decomposition plan used";
            LOG.info(reason);
            return withInfo(best, info("FEASIBLE", started, gap(best.objectiveEur(), bound), best.objectiveEur(), bound, soft)
                    .withFallback(reason));
        }
        Plan milp = PlanAssembler.assemble(problem, model.runSlots(result.values()), SolveInfo.heuristic(name(), 0));
        Plan chosen = milp.objectiveEur() < best.objectiveEur() - 1e-6 ? milp : best;
        double gap = gap(chosen.objectiveEur(), bound);
        String status = gap <= settings.relativeGap() ? "OPTIMAL" : "FEASIBLE";
        return withInfo(chosen, info(status, started, gap, chosen.objectiveEur(), bound, soft));
    }

    private SolveInfo info(String status, long startedNanos, double gap, double objective, double bound, boolean soft) {
        return new SolveInfo(name(), status, (System.nanoTime() - startedNanos) / 1_000_000, gap, objective, bound,
                Optional.empty(), soft);
    }

    private static Plan withInfo(Plan plan, SolveInfo info) {
        SolveInfo i = plan.info().fallbackReason().map(info::withFallback).orElse(info);
        return new Plan(plan.jobs(), plan.slots(), plan.costs(), i);
    }

    private static double gap(double objective, double bound) {
        return Double.isFinite(bound) ? Math.max(0, objective - bound) / Math.max(1.0, Math.abs(objective)) : Double.NaN;
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
