package io.kelvin.core.plan;

import java.util.Arrays;

/**
 * How far the planner that made a plan got. OPTIMAL: within the solver settings' relative gap of a proven
 * lower bound (for the decomposition, on the controllable part of the objective). FEASIBLE: a verified plan
 * with a bound but a larger gap. HEURISTIC: a rule-based plan with no bound (the baselines, also when used as
 * the fallback). Whether the fallback was used and whether the wall-clock cap cut the solve are kept apart
 * ({@link StoredPlan#fallback()}, {@link StoredPlan#cutByWallClock()}). Stored and shown as its name.
 */
public enum SolverStatus {
    OPTIMAL,
    FEASIBLE,
    HEURISTIC;

    /** The status a stored name stands for; a name that is none of them is an error naming it. */
    public static SolverStatus ofStored(String name) {
        for (SolverStatus s : values()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown solver status '" + name + "', expected one of "
                + Arrays.toString(values()));
    }
}
