package io.kelvin.greenpower.wind;

import java.time.Duration;

/**
 * Wind output without a wind-speed forecast: persistence of the measured output decaying to its mean,
 * {@code P(h) = mean + (now - mean) exp(-h / decay)}, where {@code now} is the mean output over the last
 * {@code window} and {@code mean} the mean over the whole history given, {@code h} the lead to the slot's middle.
 * Pure; {@code NaN} where there is no measurement to start from.
 */
public final class WindPersistence {

    private WindPersistence() {
    }

    /** @param measuredKw history slots, oldest first, {@code NaN} = unknown; the issue is right after the last */
    public static double[] forecast(double[] measuredKw, Duration step, Duration window, Duration decay, int leads) {
        int w = (int) Math.max(1, window.toMillis() / step.toMillis());
        double now = mean(measuredKw, Math.max(0, measuredKw.length - w), measuredKw.length);
        double mean = mean(measuredKw, 0, measuredKw.length);
        if (Double.isNaN(now)) {
            now = mean;
        }
        double[] out = new double[leads];
        for (int l = 0; l < leads; l++) {
            double hMs = (l + 0.5) * step.toMillis();
            out[l] = Math.max(0, mean + (now - mean) * Math.exp(-hMs / decay.toMillis()));
        }
        return out;
    }

    static double mean(double[] v, int from, int to) {
        double sum = 0;
        int n = 0;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(v[i])) {
                sum += v[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
