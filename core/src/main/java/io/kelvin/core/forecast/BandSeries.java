package io.kelvin.core.forecast;

import java.util.Arrays;
import java.util.Objects;

/**
 * A series with its uncertainty: the median {@code p50} (with bases and provenance) and the 10th and 90th
 * percentiles per slot, {@code p10 <= p50 <= p90} (all {@code NaN} where {@code p50} is missing). The
 * percentiles come from the error distribution the model measured on the site's own history.
 */
public record BandSeries(SlotSeries p50, double[] p10, double[] p90) {

    public BandSeries {
        Objects.requireNonNull(p50, "p50");
        p10 = p10.clone();
        p90 = p90.clone();
        if (p10.length != p50.slots() || p90.length != p50.slots()) {
            throw new IllegalArgumentException("p10, p50 and p90 need the same number of slots");
        }
        for (int i = 0; i < p10.length; i++) {
            double mid = p50.value(i);
            boolean missing = Double.isNaN(mid);
            if (missing != Double.isNaN(p10[i]) || missing != Double.isNaN(p90[i])) {
                throw new IllegalArgumentException("slot " + i + ": p10 and p90 are NaN exactly where p50 is");
            }
            if (!missing && (p10[i] > mid || p90[i] < mid)) {
                throw new IllegalArgumentException("slot " + i + ": need p10 <= p50 <= p90, was "
                        + p10[i] + ", " + mid + ", " + p90[i]);
            }
        }
    }

    /** A band without spread (p10 = p50 = p90), for inputs that have no measured error. */
    public static BandSeries exact(SlotSeries p50) {
        return new BandSeries(p50, p50.values(), p50.values());
    }

    @Override
    public double[] p10() {
        return p10.clone();
    }

    @Override
    public double[] p90() {
        return p90.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BandSeries b && p50.equals(b.p50) && Arrays.equals(p10, b.p10) && Arrays.equals(p90, b.p90);
    }

    @Override
    public int hashCode() {
        return Objects.hash(p50, Arrays.hashCode(p10), Arrays.hashCode(p90));
    }

    @Override
    public String toString() {
        return "BandSeries[" + p50 + "]";
    }
}
