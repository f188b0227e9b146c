package io.kelvin.energyoptimizer.ortools;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import io.kelvin.energyoptimizer.milp.LinearModel;
import io.kelvin.energyoptimizer.solve.MilpResult;
import io.kelvin.energyoptimizer.solve.SolverSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * CBC or SCIP through MPSolver. SCIP stays on one thread (concurrent mode was slower on 2 cores) and is
 * bounded by branch-and-bound nodes ({@code limits/totalnodes}), which with one thread makes it
 * deterministic. CBC through MPSolver takes no node limit, so its results depend on the time limit;
 * the optimizing planner does not use it for plans.
 */
final class MpSolverBackend {

    private MpSolverBackend() {
    }

    static MilpResult solve(LinearModel model, SolverSettings settings, double[] hint) {
        MPSolver solver = MPSolver.createSolver(settings.backend().name());
        if (solver == null) {
            return new MilpResult(MilpResult.Status.ERROR, new double[0], Double.NaN, Double.NaN, 0, false);
        }
        try {
            MPVariable[] vars = translate(solver, model);
            applyHint(solver, vars, hint);
            solver.setTimeLimit(settings.timeLimit().toMillis());
            if (settings.backend() == SolverSettings.Backend.SCIP
                    && !solver.setSolverSpecificParametersAsString("limits/totalnodes = " + settings.work().milpNodes())) {
                return new MilpResult(MilpResult.Status.ERROR, new double[0], Double.NaN, Double.NaN, 0, false);
            }
            MPSolverParameters params = new MPSolverParameters();
            params.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, settings.relativeGap());
            MPSolver.ResultStatus status = solver.solve(params);
            return result(solver, vars, status, settings.timeLimit().toMillis());
        } finally {
            solver.delete();
        }
    }

    private static MPVariable[] translate(MPSolver solver, LinearModel model) {
        MPVariable[] vars = new MPVariable[model.vars().size()];
        MPObjective objective = solver.objective();
        for (LinearModel.Var v : model.vars()) {
            vars[v.index()] = v.integer() ? solver.makeIntVar(v.lb(), v.ub(), v.name())
                    : solver.makeNumVar(v.lb(), v.ub(), v.name());
            objective.setCoefficient(vars[v.index()], model.objective(v.index()));
        }
        objective.setMinimization();
        for (LinearModel.Row r : model.rows()) {
            MPConstraint c = solver.makeConstraint(bound(r.lb()), bound(r.ub()), r.name());
            for (int i = 0; i < r.vars().length; i++) {
                c.setCoefficient(vars[r.vars()[i]], r.coefs()[i]);
            }
        }
        return vars;
    }

    private static double bound(double b) {
        return Double.isInfinite(b) ? (b > 0 ? MPSolver.infinity() : -MPSolver.infinity()) : b;
    }

    private static void applyHint(MPSolver solver, MPVariable[] vars, double[] hint) {
        List<MPVariable> hv = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < hint.length; i++) {
            if (!Double.isNaN(hint[i])) {
                hv.add(vars[i]);
                values.add(hint[i]);
            }
        }
        if (!hv.isEmpty()) {
            solver.setHint(hv.toArray(MPVariable[]::new), values.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    /** CBC reports INFEASIBLE when it stops at the time limit without a solution: that is NO_SOLUTION. */
    private static MilpResult result(MPSolver solver, MPVariable[] vars, MPSolver.ResultStatus status, long limitMillis) {
        MilpResult.Status s = switch (status) {
            case OPTIMAL -> MilpResult.Status.OPTIMAL;
            case FEASIBLE -> MilpResult.Status.FEASIBLE;
            case INFEASIBLE -> MilpResult.Status.INFEASIBLE;
            case NOT_SOLVED, UNBOUNDED -> MilpResult.Status.NO_SOLUTION;
            case ABNORMAL, MODEL_INVALID -> MilpResult.Status.ERROR;
        };
        long millis = solver.wallTime();
        boolean cut = status != MPSolver.ResultStatus.OPTIMAL && millis >= 0.99 * limitMillis;
        if (s == MilpResult.Status.INFEASIBLE && millis >= 0.9 * limitMillis) {
            s = MilpResult.Status.NO_SOLUTION;
        }
        if (s != MilpResult.Status.OPTIMAL && s != MilpResult.Status.FEASIBLE) {
            return new MilpResult(s, new double[0], Double.NaN, Double.NaN, millis, cut);
        }
        double[] values = new double[vars.length];
        for (int i = 0; i < vars.length; i++) {
            values[i] = vars[i].solutionValue();
        }
        return new MilpResult(s, values, solver.objective().value(), solver.objective().bestBound(), millis, cut);
    }
}
