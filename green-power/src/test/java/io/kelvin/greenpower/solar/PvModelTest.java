package io.kelvin.greenpower.solar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PvModelTest {

    private static final Duration HOUR = Duration.ofHours(1);

    /** A clear-sky share that is 0.8 from 08:00 to 16:00 each day, 0 otherwise; {@code days} days of hours. */
    private static double[] sky(int days) {
        double[] cs = new double[days * 24];
        for (int i = 0; i < cs.length; i++) {
            int h = i % 24;
            cs[i] = h >= 8 && h < 16 ? 0.8 : 0;
        }
        return cs;
    }

    @Test
    void steadyClearnessIsForecastAsItIs() {
        double[] cs = sky(6);
        double[] measured = new double[cs.length];
        Arrays.setAll(measured, i -> cs[i] * 0.75);
        PvModel model = new PvModel(cs, measured, HOUR, new PvModel.Settings(HOUR, Duration.ofHours(2), 3, 0.7));

        PvModel.Forecast f = model.forecast(4 * 24 + 12, 24);

        // k = 0.6 / 0.8 = 0.75 every day and today: the forecast share is 0.8 x 0.75 = 0.6 in daylight.
        assertThat(f.share()[0]).isCloseTo(0.6, within(1e-12));
        assertThat(f.share()[14]).isZero();
        assertThat(f.withoutData()).doesNotContain(true);
    }

    @Test
    void aDullMorningPersistsAndBlendsBackToTheUsualClearness() {
        double[] cs = sky(6);
        double[] measured = new double[cs.length];
        Arrays.setAll(measured, i -> cs[i] * 0.8);
        int issue = 5 * 24 + 10;
        measured[issue - 1] = cs[issue - 1] * 0.4;
        PvModel model = new PvModel(cs, measured, HOUR, new PvModel.Settings(HOUR, Duration.ofHours(2), 3, 0.7));

        PvModel.Forecast f = model.forecast(issue, 5);

        // Anomaly a = 0.4 / 0.8 = 0.5; k(h) = 0.8 (1 + e^(-h/2h) (0.5 - 1)) at h = 0.5 h and 4.5 h.
        assertThat(f.clearness()[0]).isCloseTo(0.8 * (1 - 0.5 * Math.exp(-0.25)), within(1e-12));
        assertThat(f.clearness()[4]).isCloseTo(0.8 * (1 - 0.5 * Math.exp(-2.25)), within(1e-12));
    }

    @Test
    void withoutAnyHistoryTheDefaultClearnessIsUsedAndFlagged() {
        double[] cs = sky(2);
        double[] measured = new double[cs.length];
        Arrays.fill(measured, Double.NaN);
        PvModel model = new PvModel(cs, measured, HOUR, new PvModel.Settings(HOUR, Duration.ofHours(2), 3, 0.7));

        PvModel.Forecast f = model.forecast(24, 24);

        assertThat(f.share()[10]).isCloseTo(0.8 * 0.7, within(1e-12));
        assertThat(f.withoutData()).containsOnly(true);
    }
}
