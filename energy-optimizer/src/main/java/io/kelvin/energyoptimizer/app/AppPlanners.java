package io.kelvin.energyoptimizer.app;

import io.kelvin.energyoptimizer.baseline.GreedyWindowPlanner;
import io.kelvin.energyoptimizer.baseline.RunImmediatelyPlanner;
import io.kelvin.energyoptimizer.ortools.OrToolsMilpSolver;
import io.kelvin.energyoptimizer.solve.OptimizingPlanner;
import io.kelvin.energyoptimizer.solve.Planner;
import io.kelvin.energyoptimizer.solve.SolverSettings;
import java.time.Duration;
import java.util.List;

/**
 * The planners the app plans with, by the name a stored plan records: the optimizer (CBC backend, the
 * standard work budget, {@code wallClockCap} only as a safety cap) and the greedy fallback. The same names
 * give the same planners to {@code ./kelvin replan}, so a stored plan can be made again.
 */
public final class AppPlanners {

    private AppPlanners() {
    }

    /** The optimizer the app plans with; throws {@link LinkageError} when OR-Tools' native libraries do not load. */
    public static Planner optimizer(Duration wallClockCap) {
        return new OptimizingPlanner(new OrToolsMilpSolver(), SolverSettings.of(SolverSettings.Backend.CBC, wallClockCap));
    }

    public static Planner fallback() {
        return new GreedyWindowPlanner();
    }

    /** The planner a stored plan names; IllegalArgumentException naming the known ones otherwise. */
    public static Planner byName(String name, Duration wallClockCap) {
        Planner greedy = fallback();
        Planner immediate = new RunImmediatelyPlanner();
        if (name.equals(greedy.name())) {
            return greedy;
        }
        if (name.equals(immediate.name())) {
            return immediate;
        }
        Planner optimizer = optimizer(wallClockCap);
        if (name.equals(optimizer.name())) {
            return optimizer;
        }
        throw new IllegalArgumentException("planner: unknown '" + name + "', known: "
                + List.of(optimizer.name(), greedy.name(), immediate.name()));
    }
}
