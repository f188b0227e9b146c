package io.kelvin.energyoptimizer.solve;

import io.kelvin.energyoptimizer.model.Plan;
import io.kelvin.energyoptimizer.model.Problem;
import java.util.List;
import java.util.Map;

/**
 * Makes a plan for a problem. {@code previous} maps job ids to the run slots an earlier plan gave
 * them, already shifted into this problem's slots (a warm start; may be empty). Never returns null:
 * a planner that fails falls back to a feasible heuristic plan and records why.
 */
public interface Planner {

    String name();

    Plan plan(Problem problem, Map<String, List<Integer>> previous);
}
