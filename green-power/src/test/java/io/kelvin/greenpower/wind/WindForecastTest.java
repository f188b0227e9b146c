package io.kelvin.greenpower.wind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kelvin.core.site.WindForecastSettings.CurvePoint;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** There is no measured wind data in the repository: the model is checked against a stated power curve. */
class WindForecastTest {

    /** A generic 2.5 MW turbine: cut-in 3 m/s, rated 2,500 kW from 12 m/s, cut-out above 25 m/s. */
    static final List<CurvePoint> CURVE = List.of(new CurvePoint(3, 0), new CurvePoint(6, 310), new CurvePoint(9, 1120),
            new CurvePoint(12, 2500), new CurvePoint(25, 2500));

    @Test
    void powerCurveInterpolatesBetweenPointsAndStopsOutsideCutInAndCutOut() {
        PowerCurve curve = new PowerCurve(CURVE);

        // 7.5 m/s is halfway from 6 (310 kW) to 9 (1,120 kW): 715 kW.
        assertThat(curve.kw(7.5)).isCloseTo(715, within(1e-9));
        assertThat(curve.kw(2.9)).isZero();
        assertThat(curve.kw(18)).isEqualTo(2500);
        assertThat(curve.kw(25.1)).isZero();
        assertThat(curve.ratedKw()).isEqualTo(2500);
    }

    @Test
    void persistenceDecaysFromTheLastHourTowardsTheMean() {
        // 20 hours at 1,000 kW then 4 at 3,000 kW: mean 1,333.3, "now" (last hour) 3,000.
        double[] measured = new double[24];
        for (int i = 0; i < 24; i++) {
            measured[i] = i < 20 ? 1000 : 3000;
        }
        double[] f = WindPersistence.forecast(measured, Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(4), 12);

        double mean = (20 * 1000 + 4 * 3000) / 24.0;
        assertThat(f[0]).isCloseTo(mean + (3000 - mean) * Math.exp(-0.5 / 4), within(1e-9));
        assertThat(f[11]).isCloseTo(mean + (3000 - mean) * Math.exp(-11.5 / 4), within(1e-9));
    }

    @Test
    void noMeasurementGivesNoForecast() {
        double[] none = {Double.NaN, Double.NaN};

        assertThat(WindPersistence.forecast(none, Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(4), 3))
                .containsOnly(Double.NaN);
    }
}
