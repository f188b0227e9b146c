package io.kelvin.energyoptimizer.solve;

import java.time.Duration;

/**
 * Which MILP backend to use, the work the solve may do and the relative gap at which it stops.
 * {@code workers} applies to CP-SAT only (SCIP and CBC always run one thread); CP-SAT then interleaves
 * its workers, which keeps it deterministic. {@link #timeLimit()} is the work budget's wall-clock
 * safety cap.
 */
public record SolverSettings(Backend backend, WorkBudget work, double relativeGap, int workers) {

    public enum Backend { CBC, SCIP, CP_SAT }

    public SolverSettings {
        if (work == null) {
            throw new IllegalArgumentException("a work budget is required");
        }
        if (relativeGap < 0 || workers < 1) {
            throw new IllegalArgumentException("relativeGap must be >= 0 and workers >= 1");
        }
    }

    /** The standard work budget under {@code wallClockCap}. */
    public SolverSettings(Backend backend, Duration wallClockCap, double relativeGap, int workers) {
        this(backend, WorkBudget.standard(wallClockCap), relativeGap, workers);
    }

    public static SolverSettings of(Backend backend, Duration wallClockCap) {
        return new SolverSettings(backend, wallClockCap, 0.01, 2);
    }

    /** The wall-clock safety cap. */
    public Duration timeLimit() {
        return work.wallClockCap();
    }

    public SolverSettings withTimeLimit(Duration cap) {
        return new SolverSettings(backend, work.withWallClockCap(cap), relativeGap, workers);
    }

    public SolverSettings withWork(WorkBudget budget) {
        return new SolverSettings(backend, budget, relativeGap, workers);
    }
}
