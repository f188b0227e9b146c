package io.kelvin.energyoptimizer.solve;

import io.kelvin.energyoptimizer.model.Plan;
import io.kelvin.energyoptimizer.model.Problem;
import io.kelvin.energyoptimizer.model.JobRuns;

/**
 * Makes a plan for a problem. {@code previous}: the run slots an earlier plan gave each job, already
 * shifted into this problem's slots (a warm start; may be empty). The same problem, previous runs and
 * settings give the same plan. Never returns null: a planner whose solver gives nothing falls back to
 * a feasible heuristic plan and records why. A plan whose objective is below a bound the planner proved
 * is a bug and is thrown as {@link PlanBelowBoundException}, never returned.
 */
public interface Planner {

    String name();

    Plan plan(Problem problem, JobRuns previous);
}
