package io.kelvin.energyoptimizer.model;

import java.util.Arrays;

/**
 * Load the planner keeps room for although no job for it has been submitted yet: per horizon slot,
 * GPUs and IT kW above idle that urgent jobs arriving later are expected to draw (see
 * {@code replan.UrgentArrivals}). The planner, the power flow and the plan checker treat it like the
 * load of a job that is already running, so flexible work is not packed into the capacity a burst of
 * urgent arrivals will need. Slots past the arrays' end expect nothing.
 */
public record ExpectedLoad(int[] gpus, double[] deltaKw) {

    private static final ExpectedLoad NONE = new ExpectedLoad(new int[0], new double[0]);

    public ExpectedLoad {
        if (gpus.length != deltaKw.length) {
            throw new IllegalArgumentException("expected load: " + gpus.length + " GPU slots but "
                    + deltaKw.length + " kW slots");
        }
        for (int t = 0; t < gpus.length; t++) {
            if (gpus[t] < 0 || !(deltaKw[t] >= 0) || Double.isInfinite(deltaKw[t])) {
                throw new IllegalArgumentException("expected load at slot " + t + ": " + gpus[t] + " GPUs, "
                        + deltaKw[t] + " kW; both must be finite and >= 0");
            }
        }
        gpus = gpus.clone();
        deltaKw = deltaKw.clone();
    }

    public static ExpectedLoad none() {
        return NONE;
    }

    public int gpus(int slot) {
        return slot < gpus.length ? gpus[slot] : 0;
    }

    public double deltaKw(int slot) {
        return slot < deltaKw.length ? deltaKw[slot] : 0;
    }

    public boolean isNone() {
        return Arrays.stream(gpus).allMatch(g -> g == 0) && Arrays.stream(deltaKw).allMatch(k -> k == 0);
    }

    /**
     * This load scaled down, slot by slot, to what fits next to the problem's fixed jobs: within
     * the free GPUs, and with facility power minus renewables under the import limit and the
     * tightest DR cap. A reservation must never make a feasible problem infeasible. It also gives way
     * to the submitted jobs with at most {@code urgentSlackSlots} of slack ({@code Integer.MIN_VALUE}:
     * none), counted as running in every slot of their window (release to deadline, or release plus
     * duration if that is later): room kept for urgent jobs that may come must not delay the urgent
     * jobs that are already here, wherever in their window they end up.
     */
    public ExpectedLoad fittedTo(Problem p, int urgentSlackSlots) {
        int n = Math.min(gpus.length, p.slots());
        int[] g = new int[n];
        double[] k = new double[n];
        SiteModel site = p.site();
        for (int t = 0; t < n; t++) {
            double baseKw = site.idleKw() + p.forecast().unscheduledItKw(t);
            int free = site.gpus();
            for (Job j : p.jobs()) {
                int slack = j.deadlineSlot() - j.releaseSlot() - j.durationSlots();
                boolean urgent = !j.fixed() && slack <= urgentSlackSlots && t >= j.releaseSlot()
                        && t < Math.max(j.deadlineSlot(), j.releaseSlot() + j.durationSlots());
                if (urgent || j.fixed() && t < j.durationSlots()) {
                    baseKw += j.deltaKw(site.idleKwPerGpu());
                    free -= j.gpus();
                }
            }
            double roomKw = roomKw(p, t, baseKw);
            double f = 1;
            if (deltaKw[t] > 0 && deltaKw[t] > roomKw) {
                f = Math.min(f, roomKw / deltaKw[t]);
            }
            if (gpus[t] > 0 && gpus[t] > free) {
                f = Math.min(f, Math.max(0, free) / (double) gpus[t]);
            }
            g[t] = (int) Math.floor(gpus[t] * f);
            k[t] = deltaKw[t] * f;
        }
        return new ExpectedLoad(g, k);
    }

    /** IT kW that may be added to {@code baseKw} before the slot's import limit or DR cap binds. */
    private static double roomKw(Problem p, int t, double baseKw) {
        double cap = Math.min(p.site().importLimitKw(), p.drCapKw(t).orElse(Double.POSITIVE_INFINITY));
        return Math.max(0, PowerFlow.largestItKw(p, t, cap) - baseKw);
    }
}
