package io.kelvin.energyoptimizer.solve;

/**
 * A plan's objective came out below a lower bound the planner proved for the same problem. No valid
 * plan can do that, so the plan, the bound or the costing is wrong: a bug to stop on, never a plan to
 * keep. The message names the planner, both figures and the SHA-256 of the problem's canonical form,
 * so the inputs can be found and re-run.
 */
public final class PlanBelowBoundException extends IllegalStateException {

    private final String problemSha256;

    public PlanBelowBoundException(String message, String problemSha256) {
        super(message);
        this.problemSha256 = problemSha256;
    }

    public String problemSha256() {
        return problemSha256;
    }
}
