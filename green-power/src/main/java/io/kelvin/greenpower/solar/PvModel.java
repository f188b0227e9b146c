package io.kelvin.greenpower.solar;

import java.time.Duration;
import java.util.Objects;

/**
 * PV output forecast as a share of the rated power, on a grid of equal slots (index 0 = the oldest history slot).
 * For a slot {@code j} forecast at issue slot {@code n} (data known for slots {@code < n}):
 *
 * <pre>
 *   k(i)     = measured(i) / clearSky(i)                     clearness index, where clearSky(i) >= MIN_CLEAR_SKY
 *   clim(j)  = mean of k(j - d * day) over the last climatologyDays days known at n   (time-of-day climatology)
 *   a        = sum k(i) / sum clim(i) over the persistence window before n            (today's anomaly; 1 if none)
 *   k^(j)    = clim(j) * (1 + w(h) * (a - 1)),   w(h) = exp(-h / blendTime),  h = lead to the slot's middle
 *   share(j) = clamp(clearSky(j) * k^(j), 0, 1)
 * </pre>
 *
 * So the first hours persist today's clearness relative to its usual shape, blending towards the recent
 * climatology as the lead grows. Where no day of history covers a slot's time of day, the mean clearness of the
 * history is used; with no history at all, {@link Settings#defaultClearness()}, and the slot is flagged as a
 * forecast without data. Pure: no clock, no I/O.
 */
public final class PvModel {

    /** Below this clear-sky share a slot's clearness is too noisy to use (dawn, dusk, night). */
    public static final double MIN_CLEAR_SKY = 0.05;
    private static final double MAX_ANOMALY = 2.0;

    /**
     * @param persistenceWindow how much recent data sets today's anomaly
     * @param blendTime         e-folding time of the anomaly's weight over the lead
     * @param climatologyDays   days of history in the time-of-day climatology
     * @param defaultClearness  clearness used when the site has no PV history at all (flagged)
     */
    public record Settings(Duration persistenceWindow, Duration blendTime, int climatologyDays, double defaultClearness) {
        public Settings {
            Objects.requireNonNull(persistenceWindow, "persistenceWindow");
            Objects.requireNonNull(blendTime, "blendTime");
            if (!persistenceWindow.isPositive() || !blendTime.isPositive() || climatologyDays < 1
                    || defaultClearness <= 0 || defaultClearness > 1.5) {
                throw new IllegalArgumentException("bad PV settings: " + persistenceWindow + ", " + blendTime + ", "
                        + climatologyDays + ", " + defaultClearness);
            }
        }

        /** One hour of persistence, a 2-hour blend, 3 days of climatology (BENCHMARKS.md: longer windows lag the seasonal drift), clearness 0.7 without data. */
        public static Settings defaults() {
            return new Settings(Duration.ofHours(1), Duration.ofHours(2), 3, 0.7);
        }
    }

    /** Shares of rated power per lead, and which leads had no history to rest on. */
    public record Forecast(double[] share, double[] clearness, boolean[] withoutData) {
    }

    private final double[] clearSky;
    private final double[] measured;
    private final Duration step;
    private final int slotsPerDay;
    private final Settings settings;

    /**
     * @param clearSky clear-sky share ({@link ClearSky#slotShare}) of every slot of the grid, history and horizon
     * @param measured measured output / rated power per slot ({@code NaN} = unknown); only slots before an issue are read
     */
    public PvModel(double[] clearSky, double[] measured, Duration step, Settings settings) {
        if (Duration.ofDays(1).toMillis() % step.toMillis() != 0) {
            throw new IllegalArgumentException("slot length must divide a day, was " + step);
        }
        this.clearSky = clearSky;
        this.measured = measured;
        this.step = step;
        this.slotsPerDay = (int) (Duration.ofDays(1).toMillis() / step.toMillis());
        this.settings = settings;
    }

    public int slotsPerDay() {
        return slotsPerDay;
    }

    /** Forecast of slots {@code issue .. issue + leads - 1} from the data before {@code issue}. */
    public Forecast forecast(int issue, int leads) {
        double anomaly = anomaly(issue);
        double fallbackClearness = meanClearness(issue);
        double[] share = new double[leads];
        double[] k = new double[leads];
        boolean[] withoutData = new boolean[leads];
        for (int l = 0; l < leads; l++) {
            int j = issue + l;
            double clim = climatology(j, issue);
            if (Double.isNaN(clim)) {
                clim = Double.isNaN(fallbackClearness) ? settings.defaultClearness() : fallbackClearness;
                withoutData[l] = Double.isNaN(fallbackClearness);
            }
            double hours = (l + 0.5) * step.toMillis() / 3_600_000.0;
            double w = Math.exp(-hours * 3_600_000.0 / settings.blendTime().toMillis());
            k[l] = clim * (1 + w * (anomaly - 1));
            share[l] = Math.max(0, Math.min(1, clearSky[j] * k[l]));
        }
        return new Forecast(share, k, withoutData);
    }

    /** Clearness index of a history slot, or NaN when unknown or the sun is too low. */
    double clearness(int i) {
        if (i < 0 || i >= measured.length || clearSky[i] < MIN_CLEAR_SKY || Double.isNaN(measured[i])) {
            return Double.NaN;
        }
        return measured[i] / clearSky[i];
    }

    /** Mean clearness at slot {@code j}'s time of day over the last climatologyDays days known before {@code known}. */
    double climatology(int j, int known) {
        double sum = 0;
        int n = 0;
        int firstDay = Math.max(1, (j - known) / slotsPerDay + 1);
        for (int d = firstDay; d < firstDay + settings.climatologyDays(); d++) {
            double k = clearness(j - d * slotsPerDay);
            if (!Double.isNaN(k)) {
                sum += k;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private double anomaly(int issue) {
        int window = (int) Math.max(1, settings.persistenceWindow().toMillis() / step.toMillis());
        double sumK = 0;
        double sumClim = 0;
        for (int i = Math.max(0, issue - window); i < issue; i++) {
            double k = clearness(i);
            double c = climatology(i, i);
            if (!Double.isNaN(k) && !Double.isNaN(c)) {
                sumK += k * clearSky[i];
                sumClim += c * clearSky[i];
            }
        }
        return sumClim <= 0 ? 1 : Math.min(MAX_ANOMALY, sumK / sumClim);
    }

    private double meanClearness(int issue) {
        double sum = 0;
        int n = 0;
        for (int i = Math.max(0, issue - settings.climatologyDays() * slotsPerDay); i < issue; i++) {
            double k = clearness(i);
            if (!Double.isNaN(k)) {
                sum += k;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
