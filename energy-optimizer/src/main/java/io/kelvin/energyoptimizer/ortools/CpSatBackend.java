package io.kelvin.energyoptimizer.ortools;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import io.kelvin.energyoptimizer.milp.LinearModel;
import io.kelvin.energyoptimizer.solve.MilpResult;
import io.kelvin.energyoptimizer.solve.SolverSettings;

/**
 * CP-SAT through CpModel. CP-SAT needs integers, so each variable becomes an integer count of its
 * resolution (value = resolution x n), each row is multiplied by the smallest power of ten (up to
 * 10^6) that makes its coefficients integral, and rows whose coefficients still need rounding are
 * widened by the worst-case rounding error so that no feasible plan is cut off. The objective is
 * counted in micro-EUR ({@link #OBJECTIVE_SCALE}).
 */
final class CpSatBackend {

    static final double OBJECTIVE_SCALE = 1e6;
    private static final double EXACT = 1e-9;

    private CpSatBackend() {
    }

    static MilpResult solve(LinearModel model, SolverSettings settings, double[] hint) {
        CpModel cp = new CpModel();
        IntVar[] vars = new IntVar[model.vars().size()];
        for (LinearModel.Var v : model.vars()) {
            vars[v.index()] = cp.newIntVar((long) Math.ceil(v.lb() / v.resolution() - EXACT),
                    (long) Math.floor(v.ub() / v.resolution() + EXACT), v.name());
        }
        for (LinearModel.Row r : model.rows()) {
            addRow(cp, model, vars, r);
        }
        long[] objective = new long[vars.length];
        for (LinearModel.Var v : model.vars()) {
            objective[v.index()] = Math.round(model.objective(v.index()) * v.resolution() * OBJECTIVE_SCALE);
        }
        cp.minimize(LinearExpr.weightedSum(vars, objective));
        for (int i = 0; i < hint.length; i++) {
            if (!Double.isNaN(hint[i])) {
                cp.addHint(vars[i], Math.round(hint[i] / model.vars().get(i).resolution()));
            }
        }
        return run(cp, model, vars, settings);
    }

    private static void addRow(CpModel cp, LinearModel model, IntVar[] vars, LinearModel.Row r) {
        double[] scaled = new double[r.vars().length];
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = r.coefs()[i] * model.vars().get(r.vars()[i]).resolution();
        }
        double factor = integralFactor(scaled);
        long[] coefs = new long[scaled.length];
        IntVar[] rowVars = new IntVar[scaled.length];
        double slack = 0;
        for (int i = 0; i < scaled.length; i++) {
            coefs[i] = Math.round(scaled[i] * factor);
            rowVars[i] = vars[r.vars()[i]];
            LinearModel.Var v = model.vars().get(r.vars()[i]);
            double range = Math.max(Math.abs(v.lb()), Math.abs(v.ub())) / v.resolution();
            slack += Math.abs(coefs[i] - scaled[i] * factor) * range;
        }
        long lb = Double.isInfinite(r.lb()) ? Long.MIN_VALUE / 4 : (long) Math.floor(r.lb() * factor + EXACT - slack);
        long ub = Double.isInfinite(r.ub()) ? Long.MAX_VALUE / 4 : (long) Math.ceil(r.ub() * factor - EXACT + slack);
        cp.addLinearConstraint(LinearExpr.weightedSum(rowVars, coefs), lb, ub).getBuilder().setName(r.name());
    }

    /** The smallest 10^k (k = 0..6) that makes every value integral, else 10^6 with rounding. */
    private static double integralFactor(double[] values) {
        for (int k = 0; k <= 6; k++) {
            double f = Math.pow(10, k);
            boolean integral = true;
            for (double v : values) {
                integral &= Math.abs(v * f - Math.rint(v * f)) < 1e-6;
            }
            if (integral) {
                return f;
            }
        }
        return 1e6;
    }

    private static MilpResult run(CpModel cp, LinearModel model, IntVar[] vars, SolverSettings settings) {
        CpSolver solver = new CpSolver();
        // Work, not time, bounds the search: deterministic time, with interleaved workers (deterministic
        // whatever their number); the wall-clock limit is only the safety cap.
        solver.getParameters().setMaxTimeInSeconds(settings.timeLimit().toMillis() / 1000.0)
                .setMaxDeterministicTime(settings.work().milpDeterministicSeconds())
                .setNumWorkers(settings.workers()).setInterleaveSearch(settings.workers() > 1)
                .setRelativeGapLimit(settings.relativeGap());
        CpSolverStatus status = solver.solve(cp);
        long millis = Math.round(solver.wallTime() * 1000);
        boolean cut = status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.INFEASIBLE
                && solver.wallTime() >= 0.99 * settings.timeLimit().toMillis() / 1000.0;
        MilpResult.Status s = switch (status) {
            case OPTIMAL -> MilpResult.Status.OPTIMAL;
            case FEASIBLE -> MilpResult.Status.FEASIBLE;
            case INFEASIBLE -> MilpResult.Status.INFEASIBLE;
            case UNKNOWN -> MilpResult.Status.NO_SOLUTION;
            case MODEL_INVALID, UNRECOGNIZED -> MilpResult.Status.ERROR;
        };
        if (s != MilpResult.Status.OPTIMAL && s != MilpResult.Status.FEASIBLE) {
            return new MilpResult(s, new double[0], Double.NaN, Double.NaN, millis, cut);
        }
        double[] values = new double[vars.length];
        for (int i = 0; i < vars.length; i++) {
            values[i] = solver.value(vars[i]) * model.vars().get(i).resolution();
        }
        return new MilpResult(s, values, solver.objectiveValue() / OBJECTIVE_SCALE,
                solver.bestObjectiveBound() / OBJECTIVE_SCALE, millis, cut);
    }
}
