package io.kelvin.energyoptimizer.model;

import java.util.Optional;

/**
 * How a plan was made: planner name, solver status, wall time in ms, relative gap (NaN when not a
 * MILP), solver objective and bound (EUR, NaN when none), the reason a fallback plan was used, and
 * whether hard DR caps had to be relaxed to soft ones.
 */
public record SolveInfo(String planner, String status, long millis, double gap, double solverObjective,
                        double bound, Optional<String> fallbackReason, boolean drRelaxed) {

    public static SolveInfo heuristic(String planner, long millis) {
        return new SolveInfo(planner, "HEURISTIC", millis, Double.NaN, Double.NaN, Double.NaN, Optional.empty(),
                false);
    }

    public SolveInfo withFallback(String reason) {
        return new SolveInfo(planner, status, millis, gap, solverObjective, bound, Optional.of(reason), drRelaxed);
    }
}
