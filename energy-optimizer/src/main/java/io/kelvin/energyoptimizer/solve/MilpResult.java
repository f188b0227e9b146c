package io.kelvin.energyoptimizer.solve;

/**
 * What a MILP backend returned: status, variable values (empty unless OPTIMAL or FEASIBLE), objective
 * and best bound in the model's units (EUR), wall time in ms, and whether the wall-clock safety cap
 * (rather than the work limit) stopped it, which makes the result depend on the machine's speed.
 */
public record MilpResult(Status status, double[] values, double objective, double bound, long millis,
                         boolean cutByWallClock) {

    public enum Status { OPTIMAL, FEASIBLE, INFEASIBLE, NO_SOLUTION, ERROR }

    public boolean hasSolution() {
        return status == Status.OPTIMAL || status == Status.FEASIBLE;
    }

    /** Relative gap |objective - bound| / max(1, |objective|); NaN without a solution. */
    public double gap() {
        return hasSolution() ? Math.abs(objective - bound) / Math.max(1.0, Math.abs(objective)) : Double.NaN;
    }
}
