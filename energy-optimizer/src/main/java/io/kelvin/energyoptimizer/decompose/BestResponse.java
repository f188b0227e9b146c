package io.kelvin.energyoptimizer.decompose;

/**
 * Local search: take each job out in turn and put it back at its cheapest choice given all the
 * others, costed exactly (the change in each slot's objective share plus its penalties). The
 * objective never rises, so the passes stop when one changes nothing or the work budget is spent.
 */
final class BestResponse {

    private BestResponse() {
    }

    /** The exact extra cost of running job j in each slot next to what is placed, and where it cannot. */
    static void exactCosts(Assignment a, int j, double[] cost, boolean[] blocked) {
        double delta = a.jobs.get(j).deltaKw;
        for (int t = 0; t < a.slots.n; t++) {
            blocked[t] = !a.fits(j, t);
            cost[t] = blocked[t] ? 0 : a.slots.eur(t, a.itKw[t] + delta) - a.slots.eur(t, a.itKw[t]);
        }
    }

    /** Improves {@code a} in place until a pass changes nothing or the work is spent; returns the jobs moved. */
    static int improve(Assignment a, Effort effort) {
        return improve(a, effort, Integer.MAX_VALUE);
    }

    /** Improves {@code a} in place for at most {@code passes} passes; returns the number of jobs moved. */
    static int improve(Assignment a, Effort effort, int passes) {
        int n = a.slots.n;
        double[] cost = new double[n];
        boolean[] blocked = new boolean[n];
        int moved = 0;
        boolean changed = true;
        for (int pass = 0; changed && pass < passes && !effort.exhausted(); pass++) {
            changed = false;
            for (int j = 0; j < a.jobs.size() && !effort.exhausted(); j++) {
                JobOptions o = a.jobs.get(j);
                JobOptions.Choice current = a.choice[j];
                a.remove(j);
                exactCosts(a, j, cost, blocked);
                double currentCost = o.penalties(current.runSlots());
                for (int t : current.runSlots()) {
                    currentCost += cost[t];
                }
                JobOptions.Choice best = o.best(cost, blocked, false);
                effort.spend(1);
                if (best.cost() < currentCost - 1e-6) {
                    a.place(j, best);
                    moved++;
                    changed = true;
                } else {
                    a.place(j, current);
                }
            }
        }
        return moved;
    }
}
