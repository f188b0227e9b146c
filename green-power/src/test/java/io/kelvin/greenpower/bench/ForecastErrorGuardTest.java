package io.kelvin.greenpower.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.greenpower.error.ErrorTable;
import io.kelvin.greenpower.solar.PvModel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A small guard on the forecast error benchmark (the full tables: ./kelvin bench forecast, BENCHMARKS.md). */
class ForecastErrorGuardTest {

    private static final Path DATA = Path.of("../data/vessim");

    @Test
    void pvForecastBeatsPersistenceAndYesterdayInTheFirstHoursOnSanFrancisco() {
        ErrorTable t = ForecastErrorBench.pv(DATA.resolve("solar_example.csv"), ForecastErrorBench.SAN_FRANCISCO,
                PvModel.Settings.defaults(), 6);

        // BENCHMARKS.md (hourly issues): 0-1 h MAE 3.6 % of capacity, skill +52 % vs persistence, +38 % vs yesterday.
        assertThat(t.mae(0)).isLessThan(0.05);
        assertThat(t.skillVsPersistence(0)).isGreaterThan(0.3);
        assertThat(t.skillVsYesterday(0)).isGreaterThan(0.2);
        assertThat(t.skillVsPersistence(2)).isGreaterThan(0.5);
        assertThat(t.bandCoverage(0)).isBetween(0.5, 0.95);
    }

    @Test
    void similarDayLoadBeatsYesterdayAtEveryLead() {
        ErrorTable t = ForecastErrorBench.load(DATA.resolve("load_example.csv"));

        for (int b = 0; b < 6; b++) {
            assertThat(t.skillVsYesterday(b)).as("bucket %d", b).isPositive();
        }
    }
}
