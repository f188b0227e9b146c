package io.kelvin.energyoptimizer.model;

import io.kelvin.core.plan.SolverStatus;
import java.util.Optional;

/**
 * How a plan was made (its provenance): planner name, status, wall time in ms (reported, never used to
 * decide), relative gap against the bound (NaN without one), the plan's objective and the best proven
 * lower bound (EUR, NaN when none), the reason a fallback plan was used, whether hard DR caps had to
 * be relaxed to soft ones, the work the solve used (job sub-problems solved; see
 * {@code solve.WorkBudget}) and whether the wall-clock safety cap cut it short. A plan the cap did not
 * cut is reproducible: the same problem and the same budget give the same plan on any machine.
 */
public record SolveInfo(String planner, SolverStatus status, long millis, double gap, double solverObjective,
                        double bound, Optional<String> fallbackReason, boolean drRelaxed, long workUsed,
                        boolean cutByWallClock) {

    public static SolveInfo heuristic(String planner, long millis) {
        return new SolveInfo(planner, SolverStatus.HEURISTIC, millis, Double.NaN, Double.NaN, Double.NaN,
                Optional.empty(), false, 0, false);
    }

    /** Whether the same inputs and budget give this plan again (the wall-clock cap did not cut the solve). */
    public boolean reproducible() {
        return !cutByWallClock;
    }

    public SolveInfo withFallback(String reason) {
        return new SolveInfo(planner, status, millis, gap, solverObjective, bound, Optional.of(reason), drRelaxed,
                workUsed, cutByWallClock);
    }

    public SolveInfo withDrRelaxed() {
        return new SolveInfo(planner, status, millis, gap, solverObjective, bound, fallbackReason, true, workUsed,
                cutByWallClock);
    }
}
