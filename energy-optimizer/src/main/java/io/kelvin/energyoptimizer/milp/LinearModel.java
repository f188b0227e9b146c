package io.kelvin.energyoptimizer.milp;

import java.util.ArrayList;
import java.util.List;

/**
 * A solver-neutral mixed-integer linear model: named variables with bounds and a resolution (the
 * smallest step that matters, used when a backend needs integers), named rows
 * {@code lb <= sum(coef * var) <= ub}, and a linear objective to minimise (EUR).
 */
public final class LinearModel {

    /** {@code resolution}: 1 for integers; for continuous variables, the step an integer backend uses. */
    public record Var(int index, String name, double lb, double ub, boolean integer, double resolution) {
    }

    public record Row(String name, double lb, double ub, int[] vars, double[] coefs) {
    }

    private final List<Var> vars = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private double[] objective = new double[64];

    public int bool(String name) {
        return addVar(name, 0, 1, true, 1);
    }

    public int continuous(String name, double lb, double ub, double resolution) {
        return addVar(name, lb, ub, false, resolution);
    }

    private int addVar(String name, double lb, double ub, boolean integer, double resolution) {
        int index = vars.size();
        vars.add(new Var(index, name, lb, ub, integer, resolution));
        return index;
    }

    public RowBuilder row(String name) {
        return new RowBuilder(name);
    }

    public void addObjective(int var, double coef) {
        if (var >= objective.length) {
            objective = java.util.Arrays.copyOf(objective, Math.max(var + 1, objective.length * 2));
        }
        objective[var] += coef;
    }

    public List<Var> vars() {
        return vars;
    }

    public List<Row> rows() {
        return rows;
    }

    public double objective(int var) {
        return var < objective.length ? objective[var] : 0;
    }

    /** Objective value of a full assignment. */
    public double evaluate(double[] values) {
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += objective(i) * values[i];
        }
        return sum;
    }

    /** Collects one row's terms; finish it with a bound. */
    public final class RowBuilder {
        private final String name;
        private final List<Integer> idx = new ArrayList<>();
        private final List<Double> coefs = new ArrayList<>();

        private RowBuilder(String name) {
            this.name = name;
        }

        public RowBuilder add(int var, double coef) {
            if (coef != 0) {
                idx.add(var);
                coefs.add(coef);
            }
            return this;
        }

        public void atMost(double ub) {
            between(Double.NEGATIVE_INFINITY, ub);
        }

        public void atLeast(double lb) {
            between(lb, Double.POSITIVE_INFINITY);
        }

        public void equalTo(double value) {
            between(value, value);
        }

        public void between(double lb, double ub) {
            rows.add(new Row(name, lb, ub, idx.stream().mapToInt(Integer::intValue).toArray(),
                    coefs.stream().mapToDouble(Double::doubleValue).toArray()));
        }
    }
}
