package io.kelvin.greenpower.wind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kelvin.core.forecast.BandSeries;
import io.kelvin.core.forecast.Freshness;
import io.kelvin.core.forecast.Provenance;
import io.kelvin.core.forecast.SlotBasis;
import io.kelvin.core.forecast.SlotSeries;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * The wind band on synthetic histories whose errors are known. With hourly slots, a 1 h window and a decay far longer
 * than any lead, persistence forecasts the last measured hour for every lead; on a history that rises 10 kW an hour,
 * the measurement {@code l} slots after an issue is then {@code 10 (l + 1)} kW above the forecast, always.
 */
class WindBandsTest {

    private static final Duration HOUR = Duration.ofHours(1);
    /** exp(-6 h / 10^6 h) differs from 1 by 6e-6: persistence of "now" to within a few hundredths of a kW here. */
    private static final Duration FOREVER = Duration.ofHours(1_000_000);
    private static final Provenance P = new Provenance("test", Optional.empty(), Freshness.Fresh.ok());

    private static double[] rising(int hours, double from, double perHour) {
        double[] kw = new double[hours];
        for (int i = 0; i < hours; i++) {
            kw[i] = from + perHour * i;
        }
        return kw;
    }

    private static SlotSeries flat(int n, double kw) {
        double[] v = new double[n];
        Arrays.fill(v, kw);
        SlotBasis[] b = new SlotBasis[n];
        Arrays.fill(b, SlotBasis.MODEL);
        return new SlotSeries(v, b, P);
    }

    @Test
    void onAHistoryRisingTenKwAnHourTheP90IsTenKwPerHourOfTheBucketsLongestLeadAboveAndTheP10IsP50() {
        // 4 days of history, replayed over the last 2, leads up to 6 h: errors are 10 kW at lead 0.5 h, 20 and 30 kW at
        // 1.5 and 2.5 h, 40, 50 and 60 kW at 3.5..5.5 h.
        WindBands bands = WindBands.persistence(rising(96, 1000, 10), 96, 2, 24, 6, HOUR, HOUR, FOREVER);

        assertThat(bands.measured()).isTrue();
        assertThat(bands.q10(0.5)).isZero();
        assertThat(bands.q90(0.5)).isCloseTo(10, within(0.1));
        assertThat(bands.q90(1.5)).isCloseTo(30, within(0.1));
        assertThat(bands.q90(4.5)).isCloseTo(60, within(0.1));
        // Nothing was replayed beyond 6 h: those buckets borrow the nearest shorter one's (3-6 h).
        assertThat(bands.q90(30)).isCloseTo(60, within(0.1));
        // 48 issues: 48 errors at lead 0.5 h, 48 x 2 at 1-3 h, 48 x 3 at 3-6 h, less those past the history's end.
        assertThat(bands.samples()).isEqualTo(48 * 6 - (5 + 4 + 3 + 2 + 1));

        BandSeries band = bands.around(flat(6, 2000), 0, HOUR, OptionalDouble.empty());
        assertThat(band.p10()).containsExactly(2000, 2000, 2000, 2000, 2000, 2000);
        assertThat(band.p90()).containsExactly(new double[] {2010, 2030, 2030, 2060, 2060, 2060}, within(0.1));
    }

    @Test
    void onAFallingHistoryTheP10IsBelowAndTheBandStopsAtZeroAndAtTheSitesCapacity() {
        // Falling 100 kW an hour: the measurement is 100 (l + 1) kW below the forecast.
        WindBands bands = WindBands.persistence(rising(96, 20_000, -100), 96, 2, 24, 6, HOUR, HOUR, FOREVER);

        assertThat(bands.q10(0.5)).isCloseTo(-100, within(0.5));
        assertThat(bands.q90(0.5)).isZero();
        assertThat(bands.q10(4.5)).isCloseTo(-600, within(0.5));

        BandSeries low = bands.around(flat(6, 250), 0, HOUR, OptionalDouble.of(5000));
        assertThat(low.p10()).containsExactly(new double[] {150, 0, 0, 0, 0, 0}, within(0.5));
        assertThat(low.p90()).containsExactly(250, 250, 250, 250, 250, 250);

        // A rising history's P90 above a 2,000 kW capacity is cut there; a lead offset moves every slot's bucket.
        WindBands up = WindBands.persistence(rising(96, 1000, 10), 96, 2, 24, 6, HOUR, HOUR, FOREVER);
        BandSeries capped = up.around(flat(2, 1995), 3, HOUR, OptionalDouble.of(2000));
        assertThat(capped.p90()).containsExactly(2000, 2000);
    }

    @Test
    void eachReplayUsesOnlyTheMeasurementsBeforeItsIssueTime() {
        // Flat at 1,000 kW, then 5,000 kW from the issue on: nothing replayed may see it (a replay 2 h before the issue
        // that looked 6 h ahead would count 4,000 kW errors, a sixth of the 3-6 h bucket's).
        double[] kw = new double[120];
        Arrays.fill(kw, 1000);
        Arrays.fill(kw, 96, 120, 5000);

        WindBands bands = WindBands.persistence(kw, 96, 1, 24, 6, HOUR, HOUR, FOREVER);

        assertThat(bands.samples()).isEqualTo(24 * 6 - (5 + 4 + 3 + 2 + 1));
        for (double lead : new double[] {0.5, 1.5, 3.5, 5.5}) {
            assertThat(bands.q10(lead)).isZero();
            assertThat(bands.q90(lead)).isZero();
        }
    }

    @Test
    void withoutHistoryThereIsNoBandAndNothingIsInvented() {
        double[] none = new double[96];
        Arrays.fill(none, Double.NaN);

        WindBands bands = WindBands.persistence(none, 96, 2, 24, 6, HOUR, HOUR, FOREVER);
        BandSeries band = bands.around(flat(3, 700), 0, HOUR, OptionalDouble.empty());

        assertThat(bands.measured()).isFalse();
        assertThat(bands.samples()).isZero();
        assertThat(band.p10()).containsExactly(700, 700, 700);
        assertThat(band.p90()).containsExactly(700, 700, 700);
        assertThat(WindBands.none().measured()).isFalse();
    }

    @Test
    void fewerThanTwentyErrorsInTheShortestBucketGiveNoBandThere() {
        // 19 hourly replays (slots 1..19 of a 20-hour history), one lead each: 19 errors at lead 0.5 h, one short.
        WindBands few = WindBands.persistence(rising(20, 1000, 10), 20, 1, 24, 1, HOUR, HOUR, FOREVER);
        WindBands enough = WindBands.persistence(rising(21, 1000, 10), 21, 1, 24, 1, HOUR, HOUR, FOREVER);

        assertThat(few.samples()).isEqualTo(19);
        assertThat(few.measured()).isFalse();
        assertThat(enough.samples()).isEqualTo(20);
        assertThat(enough.q90(0.5)).isCloseTo(10, within(0.1));
    }

    @Test
    void thePowerCurvesErrorsAgainstMeasuredOutputHaveNoLeadAndGoToEveryBucket() {
        // 30 slots: measured 100 kW above the curve in 3, 100 below in 3, equal in 24.
        double[] curve = new double[31];
        double[] measured = new double[31];
        Arrays.fill(curve, 1000);
        Arrays.fill(measured, 1000);
        for (int i = 0; i < 3; i++) {
            measured[i] = 1100;
            measured[10 + i] = 900;
        }
        measured[30] = Double.NaN;

        WindBands bands = WindBands.pooled(measured, curve);

        // Sorted, 30 errors: 3 x -100, 24 x 0, 3 x +100; type 7: the 10 % quantile sits at 2.9, the 90 % at 26.1.
        assertThat(bands.q10(0.5)).isCloseTo(-100 + 0.9 * 100, within(1e-9));
        assertThat(bands.q90(0.5)).isCloseTo(0.1 * 100, within(1e-9));
        assertThat(bands.q10(30)).isEqualTo(bands.q10(0.5));
        assertThat(bands.samples()).isEqualTo(30);
    }
}
