package io.kelvin.greenpower.solar;

import io.kelvin.greenpower.error.LeadBuckets;
import io.kelvin.greenpower.error.Quantiles;
import java.time.Duration;

/**
 * The P10 and P90 of PV forecasts from the error distribution measured on the site's own history: the model is
 * re-run at every hour of the last {@code replayDays} days, using only the data before each of those issue times,
 * and its clearness errors (measured minus forecast, where the clear sky is at least {@link #MIN_SHARE}) are
 * collected per {@link LeadBuckets lead bucket}. A bucket with fewer than {@link #MIN_SAMPLES} errors borrows the
 * nearest shorter bucket's; with none at all, {@link #DEFAULT_Q10}/{@link #DEFAULT_Q90} apply (a stated
 * assumption, used only until the site has a day of PV history). P10 = clearSky x (k + q10), P90 = clearSky x (k + q90), clamped to
 * [0, 1] and around P50.
 */
public final class PvBands {

    static final double MIN_SHARE = 0.1;
    static final int MIN_SAMPLES = 20;
    public static final double DEFAULT_Q10 = -0.25;
    public static final double DEFAULT_Q90 = 0.10;

    private final double[] q10 = new double[LeadBuckets.count()];
    private final double[] q90 = new double[LeadBuckets.count()];
    private final boolean measured;

    private PvBands(double[][] errors, int[] counts) {
        boolean any = false;
        for (int b = 0; b < q10.length; b++) {
            int from = b;
            while (from >= 0 && counts[from] < MIN_SAMPLES) {
                from--;
            }
            if (from < 0) {
                q10[b] = DEFAULT_Q10;
                q90[b] = DEFAULT_Q90;
            } else {
                q10[b] = Math.min(0, Quantiles.of(errors[from], counts[from], 0.1));
                q90[b] = Math.max(0, Quantiles.of(errors[from], counts[from], 0.9));
                any = true;
            }
        }
        this.measured = any;
    }

    /** Measures the error distribution over the {@code replayDays} days before {@code issue}. */
    public static PvBands measure(PvModel model, double[] clearSky, double[] measured, int issue, int replayDays,
                                  int leads, Duration step) {
        int perHour = (int) Math.max(1, Duration.ofHours(1).toMillis() / step.toMillis());
        int first = Math.max(model.slotsPerDay(), issue - replayDays * model.slotsPerDay());
        double[][] errors = new double[LeadBuckets.count()][];
        int[] counts = new int[LeadBuckets.count()];
        int capacity = (issue - first) / perHour * leads + 1;
        for (int b = 0; b < errors.length; b++) {
            errors[b] = new double[Math.max(1, capacity)];
        }
        for (int r = first - first % perHour; r < issue; r += perHour) {
            int n = Math.min(leads, issue - r);
            if (n <= 0 || r < 0) {
                continue;
            }
            PvModel.Forecast f = model.forecast(r, n);
            for (int l = 0; l < n; l++) {
                int j = r + l;
                if (clearSky[j] >= MIN_SHARE && !Double.isNaN(measured[j])) {
                    int b = LeadBuckets.of(LeadBuckets.leadHours(l, step));
                    errors[b][counts[b]++] = measured[j] / clearSky[j] - f.clearness()[l];
                }
            }
        }
        return new PvBands(errors, counts);
    }

    /** Whether any bucket rests on measured errors (else all are the stated defaults). */
    public boolean measured() {
        return measured;
    }

    public double q10(double leadHours) {
        return q10[LeadBuckets.of(leadHours)];
    }

    public double q90(double leadHours) {
        return q90[LeadBuckets.of(leadHours)];
    }
}
