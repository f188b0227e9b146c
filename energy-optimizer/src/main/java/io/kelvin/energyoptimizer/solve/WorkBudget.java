package io.kelvin.energyoptimizer.solve;

import java.time.Duration;

/**
 * How much work a solve may do, counted so that the same problem and budget give the same plan on a
 * loaded machine as on a quiet one. {@code jobSolves}: job sub-problems the decomposition and its local
 * search may solve (one is one job's cheapest choice for given slot costs: a subgradient iteration
 * solves one per job, a local-search move one). {@code milpNodes}: branch-and-bound nodes for SCIP;
 * {@code milpDeterministicSeconds}: CP-SAT's deterministic time. CBC through MPSolver takes no work
 * limit, so with CBC the MILP stage is left out. {@code wallClockCap} is only a safety cap: a solve it
 * cuts short is reported as not reproducible.
 */
public record WorkBudget(long jobSolves, long milpNodes, double milpDeterministicSeconds, Duration wallClockCap) {

    public WorkBudget {
        if (jobSolves < 1 || milpNodes < 0 || !(milpDeterministicSeconds >= 0)) {
            throw new IllegalArgumentException("work budget: jobSolves must be >= 1, milpNodes and"
                    + " milpDeterministicSeconds >= 0");
        }
        if (wallClockCap == null || wallClockCap.isZero() || wallClockCap.isNegative()) {
            throw new IllegalArgumentException("work budget: a positive wall-clock cap is required");
        }
    }

    /**
     * The default for a re-plan: 3 million job solves (800 jobs: about 3,000 subgradient iterations,
     * more than the decomposition needs for a 1 % gap on the benchmark instances), 2,000 SCIP nodes, 5
     * deterministic seconds for CP-SAT, under the given cap.
     */
    public static WorkBudget standard(Duration wallClockCap) {
        return new WorkBudget(3_000_000, 2_000, 5, wallClockCap);
    }

    public WorkBudget withJobSolves(long solves) {
        return new WorkBudget(solves, milpNodes, milpDeterministicSeconds, wallClockCap);
    }

    public WorkBudget withWallClockCap(Duration cap) {
        return new WorkBudget(jobSolves, milpNodes, milpDeterministicSeconds, cap);
    }
}
