package io.kelvin.web.overview;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Quality;
import io.kelvin.core.telemetry.Sample;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadingTest {

    private static final PointId POINT = PointId.of("cdu-01", "supply_temp_c");
    private static final Instant T = Instant.parse("2025-06-01T04:00:00Z");

    @Test
    void pointWithoutSampleReadsAsDashWithNoDataCueNeverAsZero() {
        Reading reading = Reading.of(Optional.empty(), "degC", 1);

        assertThat(reading.text()).isEqualTo("—");
        assertThat(reading.withUnit()).isEqualTo("—");
        assertThat(reading.missing()).isTrue();
        assertThat(reading.doubtful()).isTrue();
        assertThat(reading.qualityLabel()).isEqualTo("NO DATA");
    }

    @Test
    void goodSampleIsFormattedToFixedDecimalsWithoutQualityCue() {
        Reading reading = Reading.of(Optional.of(Sample.good(POINT, 31.96, T)), "degC", 1);

        assertThat(reading.text()).isEqualTo("32.0");
        assertThat(reading.withUnit()).isEqualTo("32.0 °C");
        assertThat(reading.doubtful()).isFalse();
        assertThat(reading.qualityLabel()).isEmpty();
    }

    @Test
    void staleSampleKeepsItsValueButCarriesAReadableCue() {
        Sample stale = Sample.good(POINT, 30.0, T).withQuality(Quality.COMM_FAILED);

        Reading reading = Reading.of(Optional.of(stale), "degC", 1);

        assertThat(reading.text()).isEqualTo("30.0");
        assertThat(reading.doubtful()).isTrue();
        assertThat(reading.qualityLabel()).isEqualTo("COMM FAILED");
    }

    @Test
    void notANumberIsShownAsAGap() {
        Sample bad = new Sample(POINT, Double.NaN, Quality.BAD, T, T);

        assertThat(Reading.of(Optional.of(bad), "degC", 1).text()).isEqualTo("—");
    }

    @Test
    void largePowersGetThousandsSeparatorsAndDimensionlessUnitsShowNothing() {
        // The profiles write dimensionless points (PUE, alarms) with unit "1".
        assertThat(Reading.of(Optional.of(Sample.good(POINT, 8734.4, T)), "kW", 0).withUnit()).isEqualTo("8,734 kW");
        assertThat(Reading.of(Optional.of(Sample.good(POINT, 1.23456, T)), "1", 3).withUnit()).isEqualTo("1.235");
    }
}
