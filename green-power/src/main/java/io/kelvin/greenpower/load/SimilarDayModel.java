package io.kelvin.greenpower.load;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Similar-day forecast of a load on a grid of equal slots (index 0 = the oldest history slot, starting at
 * {@code origin}): the value of slot {@code j} is the mean of the same slot on the last {@code days} similar days
 * known at the issue {@code n} (a day is similar when it is of the same kind, weekday or weekend in the site's
 * zone, or any day when {@code weekdaysApart} is false), scaled by a same-day adjustment that decays over the
 * lead: {@code x^(j) = s(j) (1 + w(h) (r - 1))}, {@code r} = measured / similar-day over the last
 * {@code window} (clamped to 0.5..2), {@code w(h) = exp(-h / blendTime)}. Gaps in history are skipped; a slot no
 * similar day covers is {@code NaN}. Day shifts are whole multiples of 24 h, so across a DST change the similar
 * slot is an hour off in local time.
 */
public final class SimilarDayModel {

    /**
     * @param days          similar days averaged
     * @param weekdaysApart weekdays and weekends are different kinds of day
     * @param window        recent data the same-day adjustment compares
     * @param blendTime     e-folding time of the adjustment over the lead
     * @param lookbackDays  how far back similar days are looked for
     */
    public record Settings(int days, boolean weekdaysApart, Duration window, Duration blendTime, int lookbackDays) {
        public Settings {
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(blendTime, "blendTime");
            if (days < 1 || lookbackDays < days || !window.isPositive() || !blendTime.isPositive()) {
                throw new IllegalArgumentException("bad similar-day settings");
            }
        }

        public static Settings defaults() {
            return new Settings(3, true, Duration.ofHours(1), Duration.ofHours(3), 14);
        }
    }

    private final double[] history;
    private final Instant origin;
    private final Duration step;
    private final ZoneId zone;
    private final int slotsPerDay;
    private final Settings settings;

    public SimilarDayModel(double[] history, Instant origin, Duration step, ZoneId zone, Settings settings) {
        if (Duration.ofDays(1).toMillis() % step.toMillis() != 0) {
            throw new IllegalArgumentException("slot length must divide a day, was " + step);
        }
        this.history = history;
        this.origin = origin;
        this.step = step;
        this.zone = zone;
        this.slotsPerDay = (int) (Duration.ofDays(1).toMillis() / step.toMillis());
        this.settings = settings;
    }

    /** Forecast of slots {@code issue .. issue + leads - 1}; {@code NaN} where no similar day is known. */
    public double[] forecast(int issue, int leads) {
        double ratio = adjustment(issue);
        double[] out = new double[leads];
        for (int l = 0; l < leads; l++) {
            double s = similar(issue + l, issue);
            double hMs = (l + 0.5) * step.toMillis();
            out[l] = s * (1 + Math.exp(-hMs / settings.blendTime().toMillis()) * (ratio - 1));
        }
        return out;
    }

    /** The mean of slot {@code j}'s time of day over the last similar days known before {@code known}. */
    double similar(int j, int known) {
        boolean weekend = weekend(j);
        double sum = 0;
        int n = 0;
        int firstDay = Math.max(1, (j - known) / slotsPerDay + 1);
        for (int d = firstDay; d <= firstDay + settings.lookbackDays() && n < settings.days(); d++) {
            int i = j - d * slotsPerDay;
            if (i < 0) {
                break;
            }
            if ((!settings.weekdaysApart() || weekend(i) == weekend) && i < history.length && !Double.isNaN(history[i])) {
                sum += history[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private double adjustment(int issue) {
        int w = (int) Math.max(1, settings.window().toMillis() / step.toMillis());
        double actual = 0;
        double expected = 0;
        for (int i = Math.max(0, issue - w); i < issue; i++) {
            double s = similar(i, i);
            if (i < history.length && !Double.isNaN(history[i]) && !Double.isNaN(s)) {
                actual += history[i];
                expected += s;
            }
        }
        return expected <= 0 ? 1 : Math.max(0.5, Math.min(2, actual / expected));
    }

    private boolean weekend(int slot) {
        DayOfWeek d = origin.plus(step.multipliedBy(slot)).atZone(zone).getDayOfWeek();
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
    }
}
