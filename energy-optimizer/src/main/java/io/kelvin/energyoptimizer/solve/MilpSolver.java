package io.kelvin.energyoptimizer.solve;

import io.kelvin.energyoptimizer.milp.LinearModel;

/** Port to a MILP backend. {@code hint} has one value per variable, NaN where there is none. */
public interface MilpSolver {

    MilpResult solve(LinearModel model, SolverSettings settings, double[] hint);
}
