package io.kelvin.greenpower.wind;

import io.kelvin.core.forecast.BandSeries;
import io.kelvin.core.forecast.SlotSeries;
import io.kelvin.greenpower.error.LeadBuckets;
import io.kelvin.greenpower.error.Quantiles;
import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * The P10 and P90 of wind forecasts from the errors (measured minus forecast, kW) the forecast made on the site's own
 * history, per {@link LeadBuckets lead bucket}, as {@link io.kelvin.greenpower.solar.PvBands} does for PV:
 * <ul>
 *   <li>{@link #persistence}: {@link WindPersistence} is re-run at every hour of the last {@code bandDays} days, each
 *   time with only the measurements before that issue time, and compared with what was then measured;</li>
 *   <li>{@link #pooled}: the power curve over the wind-speed feed's past values against the output measured at the
 *   same times; the feed's past values are not what it said ahead, so these errors have no lead and go to every
 *   bucket alike.</li>
 * </ul>
 * A bucket with fewer than {@link #MIN_SAMPLES} errors borrows the nearest shorter bucket's; a bucket with none to
 * borrow has no band (P10 = P50 = P90): no number is invented. P10 = P50 + q10, P90 = P50 + q90 with
 * {@code q10 <= 0 <= q90}, clamped to [0, capacity] (no upper clamp when the capacity is unknown) and around P50.
 */
public final class WindBands {

    static final int MIN_SAMPLES = 20;

    private final double[] q10 = new double[LeadBuckets.count()];
    private final double[] q90 = new double[LeadBuckets.count()];
    private final boolean[] banded = new boolean[LeadBuckets.count()];
    private final int samples;

    private WindBands(double[][] errors, int[] counts, int samples) {
        for (int b = 0; b < q10.length; b++) {
            int from = b;
            while (from >= 0 && counts[from] < MIN_SAMPLES) {
                from--;
            }
            if (from >= 0) {
                q10[b] = Math.min(0, Quantiles.of(errors[from], counts[from], 0.1));
                q90[b] = Math.max(0, Quantiles.of(errors[from], counts[from], 0.9));
                banded[b] = true;
            }
        }
        this.samples = samples;
    }

    /** No errors measured: every bucket without a band. */
    public static WindBands none() {
        return new WindBands(new double[LeadBuckets.count()][0], new int[LeadBuckets.count()], 0);
    }

    /**
     * Replays {@link WindPersistence} hourly over the {@code bandDays} days before {@code issue}.
     *
     * @param measuredKw   measured output per slot, oldest first, {@code NaN} = unknown; only {@code [0, issue)} is read
     * @param issue        the slot the real forecast is issued at (nothing from it on is used)
     * @param historySlots how many slots before each replayed issue the persistence model sees (its mean's window)
     * @param leads        the longest lead replayed, in slots
     */
    public static WindBands persistence(double[] measuredKw, int issue, int bandDays, int historySlots, int leads,
                                        Duration step, Duration window, Duration decay) {
        int perHour = (int) Math.max(1, Duration.ofHours(1).toMillis() / step.toMillis());
        int perDay = (int) (Duration.ofDays(1).toMillis() / step.toMillis());
        int first = Math.max(1, issue - bandDays * perDay);
        double[][] errors = new double[LeadBuckets.count()][];
        int[] counts = new int[LeadBuckets.count()];
        for (int b = 0; b < errors.length; b++) {
            errors[b] = new double[64];
        }
        for (int r = first + Math.floorMod(-first, perHour); r < issue; r += perHour) {
            int n = Math.min(leads, issue - r);
            double[] before = Arrays.copyOfRange(measuredKw, Math.max(0, r - historySlots), r);
            double[] f = WindPersistence.forecast(before, step, window, decay, n);
            for (int l = 0; l < n; l++) {
                double m = measuredKw[r + l];
                if (!Double.isNaN(m) && !Double.isNaN(f[l])) {
                    int b = LeadBuckets.of(LeadBuckets.leadHours(l, step));
                    if (counts[b] == errors[b].length) {
                        errors[b] = Arrays.copyOf(errors[b], errors[b].length * 2);
                    }
                    errors[b][counts[b]++] = m - f[l];
                }
            }
        }
        return new WindBands(errors, counts, Arrays.stream(counts).sum());
    }

    /** Errors without a lead (measured minus forecast for the same slots, both {@code NaN} where unknown), in every bucket. */
    public static WindBands pooled(double[] measuredKw, double[] forecastKw) {
        int n = Math.min(measuredKw.length, forecastKw.length);
        double[] e = new double[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(measuredKw[i]) && !Double.isNaN(forecastKw[i])) {
                e[count++] = measuredKw[i] - forecastKw[i];
            }
        }
        double[][] errors = new double[LeadBuckets.count()][];
        int[] counts = new int[LeadBuckets.count()];
        for (int b = 0; b < errors.length; b++) {
            errors[b] = e;
            counts[b] = count;
        }
        return new WindBands(errors, counts, count);
    }

    /** Whether any bucket has a band (else the band is P10 = P50 = P90 everywhere). */
    public boolean measured() {
        for (boolean b : banded) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    /** How many errors were measured (each counted once). */
    public int samples() {
        return samples;
    }

    /** The 10 % error quantile (kW, <= 0) at a lead; 0 where the bucket has no band. */
    public double q10(double leadHours) {
        int b = LeadBuckets.of(leadHours);
        return banded[b] ? q10[b] : 0;
    }

    /** The 90 % error quantile (kW, >= 0) at a lead; 0 where the bucket has no band. */
    public double q90(double leadHours) {
        int b = LeadBuckets.of(leadHours);
        return banded[b] ? q90[b] : 0;
    }

    /**
     * The band around {@code p50}, whose slot {@code l} lies {@code leadOffset + l} slots after the issue time;
     * clamped to [0, {@code capacityKw}] and around P50, {@code NaN} where P50 is.
     */
    public BandSeries around(SlotSeries p50, int leadOffset, Duration step, OptionalDouble capacityKw) {
        int n = p50.slots();
        double[] p10 = new double[n];
        double[] p90 = new double[n];
        double cap = capacityKw.orElse(Double.POSITIVE_INFINITY);
        for (int l = 0; l < n; l++) {
            double mid = p50.value(l);
            if (Double.isNaN(mid)) {
                p10[l] = Double.NaN;
                p90[l] = Double.NaN;
                continue;
            }
            double lead = LeadBuckets.leadHours(leadOffset + l, step);
            p10[l] = Math.min(mid, Math.max(0, Math.min(cap, mid + q10(lead))));
            p90[l] = Math.max(mid, Math.max(0, Math.min(cap, mid + q90(lead))));
        }
        return new BandSeries(p50, p10, p90);
    }
}
