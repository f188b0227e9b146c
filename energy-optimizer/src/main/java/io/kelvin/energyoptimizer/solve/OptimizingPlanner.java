package io.kelvin.energyoptimizer.solve;

import io.kelvin.core.plan.SolverStatus;
import io.kelvin.energyoptimizer.baseline.GreedyWindowPlanner;
import io.kelvin.energyoptimizer.baseline.RunImmediatelyPlanner;
import io.kelvin.energyoptimizer.decompose.DecompositionSolver;
import io.kelvin.energyoptimizer.milp.ScheduleModel;
import io.kelvin.energyoptimizer.model.JobRuns;
import io.kelvin.energyoptimizer.model.Plan;
import io.kelvin.energyoptimizer.model.PlanAssembler;
import io.kelvin.energyoptimizer.model.Problem;
import io.kelvin.energyoptimizer.model.ProblemCodec;
import io.kelvin.energyoptimizer.model.SolveInfo;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optimizing planner, in three stages, each bounded by work (the settings' {@link WorkBudget}), so
 * the same problem, previous runs and settings give the same plan on any machine:
 * <ol>
 *   <li>the cheapest of the heuristics (greedy window, run immediately, the previous plan kept);</li>
 *   <li>the {@link DecompositionSolver}, started from it, for a lower bound and a better plan; when its
 *       controllable gap is within the relative gap the plan is returned (status OPTIMAL);</li>
 *   <li>else, for models within reach and SCIP (bounded by branch-and-bound nodes), the MILP
 *       ({@link ScheduleModel}) warm-started from the best plan so far; the better plan is kept and the
 *       gap is taken against the better of the two bounds. CBC through MPSolver takes no work limit, so
 *       with CBC this stage is left out. With CP-SAT it is left out too: its integer scaling of the model
 *       gives wrong optima (see {@link #milpStage}).</li>
 * </ol>
 * The wall-clock cap only stops a run gone far too long; the plan then says it was cut and is not
 * reproducible. A plan whose objective is below the proven bound is a bug: it is logged with the
 * problem's SHA-256 and thrown ({@link PlanBelowBoundException}). Hard DR caps that the load no plan can
 * move already breaks are made soft, and the plan says so.
 */
public final class OptimizingPlanner implements Planner {

    private static final Logger LOG = LoggerFactory.getLogger(OptimizingPlanner.class);

    /** Share of the wall-clock cap the decomposition may use when the MILP stage follows, in %. */
    private static final long DECOMPOSITION_SHARE_PCT = 50;
    /**
     * Above this many binaries the MILP is not tried: measured on 2 cores, CBC found no incumbent in
     * 10 s for the 100-job benchmark instance (4,463 binaries) and overran its limit many times over
     * at 1,600 jobs.
     */
    static final long MILP_MAX_BINARIES = 3_000;
    /** A plan this far below the bound (EUR, or relative to the bound's size) is below it, not rounding. */
    private static final double BOUND_TOLERANCE = 1e-6;

    private final MilpSolver solver;
    private final SolverSettings settings;
    private final List<Planner> heuristics = List.of(new GreedyWindowPlanner(), new RunImmediatelyPlanner());

    public OptimizingPlanner(MilpSolver solver, SolverSettings settings) {
        this.solver = solver;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "optimizer-" + settings.backend().name().toLowerCase(Locale.ROOT);
    }

    @Override
    public Plan plan(Problem problem, JobRuns previous) {
        long started = System.nanoTime();
        boolean soft = DemandResponse.fixedLoadBreaksAHardCap(problem);
        Plan heuristic = bestHeuristic(problem, previous, soft);
        boolean milpStage = milpStage(problem);
        Duration cap = milpStage ? settings.timeLimit().multipliedBy(DECOMPOSITION_SHARE_PCT).dividedBy(100)
                : settings.timeLimit();
        List<JobRuns> starts = previous.isEmpty() ? List.of(JobRuns.of(heuristic))
                : List.of(JobRuns.of(heuristic), previous);
        DecompositionSolver.Result d = new DecompositionSolver(problem, !soft)
                .solve(starts, settings.work().jobSolves(), cap, settings.relativeGap());
        Plan best = PlanAssembler.assemble(problem, d.runSlots(), SolveInfo.heuristic(name(), 0));
        Optional<String> fallback = Optional.empty();
        if (heuristic.objectiveEur() < best.objectiveEur() - 1e-6 && (soft || !heuristic.info().drRelaxed())) {
            best = heuristic;
            fallback = Optional.of("heuristic plan cheaper than the decomposition's");
        }
        double bound = d.boundEur();
        boolean cut = d.cutByWallClock();
        if (milpStage && d.controllableGap() > settings.relativeGap()) {
            ScheduleModel model = ScheduleModel.build(problem, !soft);
            MilpResult result = solver.solve(model.model(), remaining(started), model.hint(JobRuns.of(best)));
            cut |= result.cutByWallClock();
            if (Double.isFinite(result.bound())) {
                bound = Math.max(bound, result.bound());
            }
            if (result.hasSolution()) {
                Plan milp = PlanAssembler.assemble(problem, model.runSlots(result.values()), SolveInfo.heuristic(name(), 0));
                best = milp.objectiveEur() < best.objectiveEur() - 1e-6 ? milp : best;
            } else {
                LOG.debug("solver {} returned {} after {} ms: decomposition plan kept", settings.backend(),
                        result.status(), result.millis());
            }
        }
        requireNotBelowBound(problem, best, bound);
        double gap = gap(best.objectiveEur(), bound);
        boolean optimal = d.controllableGap() <= settings.relativeGap() || gap <= settings.relativeGap();
        SolveInfo info = new SolveInfo(name(), optimal ? SolverStatus.OPTIMAL : SolverStatus.FEASIBLE,
                (System.nanoTime() - started) / 1_000_000, gap, best.objectiveEur(), bound, fallback,
                soft || best.info().drRelaxed(), d.workUsed(), cut);
        return new Plan(best.jobs(), best.slots(), best.costs(), info);
    }

    /**
     * Whether the MILP stage runs: for models within reach, and SCIP only. CBC takes no work limit through
     * MPSolver. CP-SAT is bounded by deterministic time, but the backend's integer scaling of continuous
     * variables gives wrong optima on small random instances (1,650 EUR "optimal" where CBC and SCIP
     * prove 3.27 EUR; 5 of 12 reported infeasible), which the below-bound check caught.
     */
    private boolean milpStage(Problem problem) {
        return settings.backend() == SolverSettings.Backend.SCIP && ScheduleModel.binaries(problem) <= MILP_MAX_BINARIES;
    }

    /** Stops on a plan below the proven bound: no valid plan can be, so something upstream is wrong. */
    private void requireNotBelowBound(Problem problem, Plan plan, double bound) {
        if (!Double.isFinite(bound) || plan.objectiveEur() >= bound - BOUND_TOLERANCE * Math.max(1, Math.abs(bound))) {
            return;
        }
        String sha = ProblemCodec.sha256(problem);
        String message = String.format(Locale.ROOT, "%s: plan objective %.6f EUR is below the proven lower bound"
                + " %.6f EUR for problem %s: a bug, the plan is not used", name(), plan.objectiveEur(), bound, sha);
        LOG.error(message);
        throw new PlanBelowBoundException(message, sha);
    }

    private static double gap(double objective, double bound) {
        return Double.isFinite(bound) ? Math.max(0, objective - bound) / Math.max(1.0, Math.abs(objective)) : Double.NaN;
    }

    /** The settings with the cap less what the earlier stages used (at least a tenth of it). */
    private SolverSettings remaining(long startedNanos) {
        long limit = settings.timeLimit().toMillis();
        long used = (System.nanoTime() - startedNanos) / 1_000_000;
        return settings.withTimeLimit(Duration.ofMillis(Math.max(limit / 10, limit - used)));
    }

    /**
     * The cheapest of the two heuristics and the previous plan kept where still valid (new jobs placed
     * greedily around it), preferring plans that keep hard DR caps unless they are soft anyway. Keeping
     * the previous plan as a candidate stops a re-plan from undoing a better plan found earlier.
     */
    private Plan bestHeuristic(Problem problem, JobRuns previous, boolean soft) {
        Stream<Plan> kept = previous.isEmpty() ? Stream.empty()
                : Stream.of(new GreedyWindowPlanner().keepingPrevious(problem, previous));
        return Stream.concat(heuristics.stream().map(h -> h.plan(problem, previous)), kept)
                .min(Comparator.comparing((Plan p) -> !soft && p.info().drRelaxed())
                        .thenComparingDouble(Plan::objectiveEur))
                .orElseThrow();
    }
}
