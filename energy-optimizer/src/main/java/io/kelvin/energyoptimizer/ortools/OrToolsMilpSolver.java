package io.kelvin.energyoptimizer.ortools;

import com.google.ortools.Loader;
import io.kelvin.energyoptimizer.milp.LinearModel;
import io.kelvin.energyoptimizer.solve.MilpResult;
import io.kelvin.energyoptimizer.solve.MilpSolver;
import io.kelvin.energyoptimizer.solve.SolverSettings;

/**
 * The OR-Tools adapter: CBC and SCIP through {@code MPSolver}, CP-SAT through {@code CpModel} with
 * coefficients scaled to integers. Loads the native libraries once (about 0.5-1 s).
 */
public final class OrToolsMilpSolver implements MilpSolver {

    private static volatile boolean loaded;

    public OrToolsMilpSolver() {
        loadNatives();
    }

    private static synchronized void loadNatives() {
        if (!loaded) {
            Loader.loadNativeLibraries();
            loaded = true;
        }
    }

    @Override
    public MilpResult solve(LinearModel model, SolverSettings settings, double[] hint) {
        return switch (settings.backend()) {
            case CBC, SCIP -> MpSolverBackend.solve(model, settings, hint);
            case CP_SAT -> CpSatBackend.solve(model, settings, hint);
        };
    }
}
