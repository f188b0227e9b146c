package io.kelvin.greenpower.error;

import java.util.Locale;

/**
 * Forecast errors per {@link LeadBuckets lead bucket}: mean absolute error and bias (forecast - actual, so positive =
 * over-forecast) of the model and of two references, persistence (the last known value held) and yesterday (the
 * same time on the latest day known), with skill = 1 - MAE(model) / MAE(reference), and the share of actual values
 * that fell inside the model's P10-P90 band where it gave one. All in the unit of the values added.
 */
public final class ErrorTable {

    private final int n = LeadBuckets.count();
    private final double[] absModel = new double[n];
    private final double[] sumModel = new double[n];
    private final double[] absPersist = new double[n];
    private final double[] absYesterday = new double[n];
    private final long[] count = new long[n];
    private final long[] banded = new long[n];
    private final long[] inBand = new long[n];

    public void add(int bucket, double forecast, double actual, double persistence, double yesterday) {
        if (Double.isNaN(forecast) || Double.isNaN(actual) || Double.isNaN(persistence) || Double.isNaN(yesterday)) {
            return;
        }
        absModel[bucket] += Math.abs(forecast - actual);
        sumModel[bucket] += forecast - actual;
        absPersist[bucket] += Math.abs(persistence - actual);
        absYesterday[bucket] += Math.abs(yesterday - actual);
        count[bucket]++;
    }

    public void addBand(int bucket, double p10, double p90, double actual) {
        if (Double.isNaN(actual)) {
            return;
        }
        banded[bucket]++;
        if (actual >= p10 - 1e-9 && actual <= p90 + 1e-9) {
            inBand[bucket]++;
        }
    }

    public long count(int bucket) {
        return count[bucket];
    }

    public double mae(int bucket) {
        return absModel[bucket] / count[bucket];
    }

    public double bias(int bucket) {
        return sumModel[bucket] / count[bucket];
    }

    public double skillVsPersistence(int bucket) {
        return 1 - absModel[bucket] / absPersist[bucket];
    }

    public double skillVsYesterday(int bucket) {
        return 1 - absModel[bucket] / absYesterday[bucket];
    }

    public double bandCoverage(int bucket) {
        return banded[bucket] == 0 ? Double.NaN : (double) inBand[bucket] / banded[bucket];
    }

    /** Markdown rows; {@code scale} turns values into the printed unit (100 for % of capacity). */
    public String markdown(double scale, String unit) {
        StringBuilder out = new StringBuilder("| lead | samples | MAE " + unit + " | bias " + unit + " | MAE persistence | skill vs"
                + " persistence | MAE yesterday | skill vs yesterday | in P10-P90 |\n|---|---|---|---|---|---|---|---|---|\n");
        for (int b = 0; b < n; b++) {
            if (count[b] == 0) {
                continue;
            }
            out.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %+.2f | %.2f | %+.0f %% | %.2f | %+.0f %% | %s |%n",
                    LeadBuckets.LABELS.get(b), count[b], mae(b) * scale, bias(b) * scale, absPersist[b] / count[b] * scale,
                    skillVsPersistence(b) * 100, absYesterday[b] / count[b] * scale, skillVsYesterday(b) * 100,
                    Double.isNaN(bandCoverage(b)) ? "-" : String.format(Locale.ROOT, "%.0f %%", bandCoverage(b) * 100)));
        }
        return out.toString();
    }
}
