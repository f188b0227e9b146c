package io.kelvin.energyoptimizer.solve;

import java.time.Duration;

/**
 * Which MILP backend to use and how long it may run. {@code workers} applies to CP-SAT only (SCIP
 * and CBC always run one thread). A time limit is mandatory.
 */
public record SolverSettings(Backend backend, Duration timeLimit, double relativeGap, int workers) {

    public enum Backend { CBC, SCIP, CP_SAT }

    public SolverSettings {
        if (timeLimit == null || timeLimit.isZero() || timeLimit.isNegative()) {
            throw new IllegalArgumentException("a positive time limit is required");
        }
        if (relativeGap < 0 || workers < 1) {
            throw new IllegalArgumentException("relativeGap must be >= 0 and workers >= 1");
        }
    }

    public static SolverSettings of(Backend backend, Duration timeLimit) {
        return new SolverSettings(backend, timeLimit, 0.01, 2);
    }

    public SolverSettings withTimeLimit(Duration limit) {
        return new SolverSettings(backend, limit, relativeGap, workers);
    }
}
