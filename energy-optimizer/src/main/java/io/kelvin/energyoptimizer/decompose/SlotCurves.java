package io.kelvin.energyoptimizer.decompose;

import io.kelvin.energyoptimizer.model.PowerFlow;
import io.kelvin.energyoptimizer.model.Problem;

/**
 * What each slot contributes to the objective as a function of its IT power, and the limits on that
 * power: the load no plan can move (idle GPUs, running jobs and the expected load of jobs not yet
 * submitted), the GPUs left free by those, and the highest IT power the import limit (and the hard
 * DR caps, when they are hard) allow.
 */
final class SlotCurves {

    private static final int SEARCH_STEPS = 80;

    final Problem p;
    final int n;
    final double[] baseItKw;
    final int[] freeGpus;
    final double[] maxItKw;
    private final double[] drCapKw;

    SlotCurves(Problem p, boolean hardDr) {
        this.p = p;
        this.n = p.slots();
        baseItKw = new double[n];
        freeGpus = new int[n];
        maxItKw = new double[n];
        drCapKw = new double[n];
        for (int t = 0; t < n; t++) {
            baseItKw[t] = p.site().idleKw() + p.unmovableDeltaKw(t);
            freeGpus[t] = p.site().gpus() - p.unmovableGpus(t);
        }
        for (int t = 0; t < n; t++) {
            drCapKw[t] = p.drCapKw(t).orElse(Double.POSITIVE_INFINITY);
            double cap = p.site().importLimitKw();
            if (hardDr) {
                int slot = t;
                cap = Math.min(cap, p.drEvents().stream().filter(e -> e.hard() && e.covers(slot))
                        .mapToDouble(e -> e.capKw()).min().orElse(Double.POSITIVE_INFINITY));
            }
            maxItKw[t] = Math.max(baseItKw[t], PowerFlow.largestItKw(p, t, cap));
        }
    }

    /** Whether the job could run in slot t on an otherwise empty cluster (its GPUs and power alone fit). */
    boolean fitsAlone(JobOptions o, int t) {
        return o.job.gpus() <= freeGpus[t] && baseItKw[t] + o.deltaKw <= maxItKw[t] + 1e-6;
    }

    /** The slot's objective share at this IT power, EUR. */
    double eur(int t, double itKw) {
        return PowerFlow.slotEur(p, t, itKw, drCapKw[t]);
    }

    /**
     * The minimum over IT power in {@code [base, max]} of {@code eur(it) - price * (it - base)} and where
     * it is reached, as {@code {value, itKw}}. The curve is convex, so a golden-section search finds it.
     */
    double[] minimizeLessPrice(int t, double price) {
        double a = baseItKw[t];
        double b = maxItKw[t];
        final double r = 0.6180339887498949;
        double c = b - r * (b - a);
        double d = a + r * (b - a);
        double fc = eur(t, c) - price * (c - a);
        double fd = eur(t, d) - price * (d - a);
        for (int i = 0; i < SEARCH_STEPS && b - a > 1e-6; i++) {
            if (fc <= fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - r * (b - a);
                fc = eur(t, c) - price * (c - baseItKw[t]);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + r * (b - a);
                fd = eur(t, d) - price * (d - baseItKw[t]);
            }
        }
        double best = Double.POSITIVE_INFINITY;
        double at = baseItKw[t];
        for (double x : new double[] {baseItKw[t], maxItKw[t], (a + b) / 2}) {
            double v = eur(t, x) - price * (x - baseItKw[t]);
            if (v < best) {
                best = v;
                at = x;
            }
        }
        return new double[] {best, at};
    }
}
