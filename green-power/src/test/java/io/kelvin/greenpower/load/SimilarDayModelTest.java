package io.kelvin.greenpower.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SimilarDayModelTest {

    // 2026-01-05 is a Monday.
    private static final Instant MONDAY = Instant.parse("2026-01-05T00:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    /** Weekdays 100 + hour, weekends 50 + hour, for {@code days} days. */
    private static double[] history(int days) {
        double[] x = new double[days * 24];
        for (int i = 0; i < x.length; i++) {
            int day = i / 24;
            boolean weekend = day % 7 == 5 || day % 7 == 6;
            x[i] = (weekend ? 50 : 100) + i % 24;
        }
        return x;
    }

    @Test
    void weekdaysAndWeekendsAreForecastFromTheirOwnKind() {
        double[] x = history(14);
        // Issue at Saturday 2026-01-17 00:00 (day 12): the forecast reads the previous weekends only.
        SimilarDayModel model = new SimilarDayModel(x, MONDAY, HOUR, ZoneOffset.UTC, SimilarDayModel.Settings.defaults());

        double[] f = model.forecast(12 * 24, 48);

        assertThat(f[10]).isCloseTo(60, within(1e-9));
        assertThat(f[24 + 10]).isCloseTo(60, within(1e-9));
    }

    @Test
    void aHigherLoadThanUsualThisHourLiftsTheFirstHoursAndFades() {
        double[] x = history(8);
        int issue = 7 * 24 + 12;
        x[issue - 1] = 2 * x[issue - 1];
        SimilarDayModel model = new SimilarDayModel(x, MONDAY, HOUR, ZoneOffset.UTC,
                new SimilarDayModel.Settings(3, false, HOUR, Duration.ofHours(3), 14));

        double[] f = model.forecast(issue, 10);

        // r = 2 (clamped at 2); x^ = s (1 + e^(-h/3h) (r - 1)) with s the mean of the last 3 days at that hour.
        double s0 = model.similar(issue, issue);
        assertThat(f[0]).isCloseTo(s0 * (1 + Math.exp(-0.5 / 3)), within(1e-9));
        assertThat(f[9] / model.similar(issue + 9, issue)).isCloseTo(1 + Math.exp(-9.5 / 3), within(1e-9));
    }
}
