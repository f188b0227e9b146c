package io.kelvin.greenpower.error;

import java.util.Arrays;

/** Empirical quantiles (linear interpolation between order statistics, Hyndman and Fan type 7). */
public final class Quantiles {

    private Quantiles() {
    }

    /** The {@code p}-quantile (0..1) of {@code values[0..n)}; NaN when {@code n == 0}. Sorts a copy. */
    public static double of(double[] values, int n, double p) {
        if (n == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(n - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
