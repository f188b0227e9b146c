package io.kelvin.core.series.feeds;

import static io.kelvin.core.series.feeds.Recorded.bytes;
import static io.kelvin.core.series.feeds.Recorded.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.kelvin.core.series.Measure;
import io.kelvin.core.series.SeriesFormatException;
import io.kelvin.core.series.TimeSeries;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonFeedsTest {

    private static final Instant EM0 = Instant.parse("2019-05-21T00:00:00Z");

    @Test
    void electricityMapsHistoryGivesHourlyIntervalsAndANullIntensityIsAGap() {
        TimeSeries s = ElectricityMapsJson.parse(bytes("electricitymaps-history.json"), "em");

        // Points an hour apart each start an hour-long period; 02:00 has carbonIntensity null: a gap, not 0.
        assertThat(s.measure()).isEqualTo(Measure.CARBON_INTENSITY);
        assertThat(s.intervals()).containsExactly(
                new TimeSeries.Interval(EM0, EM0.plusSeconds(3600), 302),
                new TimeSeries.Interval(EM0.plusSeconds(3600), EM0.plusSeconds(7200), 288),
                new TimeSeries.Interval(EM0.plusSeconds(3 * 3600), EM0.plusSeconds(4 * 3600), 271));
    }

    @Test
    void electricityMapsForecastTakesItsTemporalGranularityAsThePeriod() {
        TimeSeries s = ElectricityMapsJson.parse(bytes("electricitymaps-forecast.json"), "em");

        assertThat(s.intervals()).hasSize(3).allSatisfy(v -> assertThat(v.length()).isEqualTo(Duration.ofMinutes(15)));
        assertThat(s.intervals().get(2).value()).isEqualTo(314);
    }

    @Test
    void electricityMapsLatestIsOneHourLong() {
        TimeSeries s = ElectricityMapsJson.parse(text("""
                {"zone":"TW","carbonIntensity":492,"datetime":"2024-01-27T13:00:00.000Z","isEstimated":true}"""), "em");

        // The API's default granularity is hourly.
        assertThat(s.intervals()).containsExactly(new TimeSeries.Interval(Instant.parse("2024-01-27T13:00:00Z"),
                Instant.parse("2024-01-27T14:00:00Z"), 492));
    }

    @Test
    void electricityMapsProblemsNameThePointAndField() {
        assertThatThrownBy(() -> ElectricityMapsJson.parse(text("""
                {"history":[{"datetime":"2019-05-21T01:00:00Z","carbonIntensity":1},
                            {"datetime":"2019-05-21T00:00:00Z","carbonIntensity":"high"},
                            {"datetime":"yesterday","carbonIntensity":-3}]}"""), "em.json"))
                .isInstanceOf(SeriesFormatException.class)
                .hasMessageContaining("em.json: history[1].carbonIntensity: must be a number")
                .hasMessageContaining("em.json: history[2].datetime: 'yesterday' is not an ISO-8601 time")
                .hasMessageContaining("history[2].carbonIntensity: must not be negative");
    }

    @Test
    void truncatedJsonIsReportedWithItsLineAndAnErrorAnswerWithItsText() {
        assertThatThrownBy(() -> ElectricityMapsJson.parse(text("{\"history\": [\n{\"datetime\": "), "em"))
                .hasMessageContaining("em: line 2").hasMessageContaining("is not valid JSON");
        assertThatThrownBy(() -> ElectricityMapsJson.parse(text("{\"error\":\"Invalid auth-token\"}"), "em"))
                .hasMessageContaining("the feed answered with an error: Invalid auth-token");
        assertThatThrownBy(() -> ElectricityMapsJson.parse(text("{\"history\":[], \"history\":[]}"), "em"))
                .hasMessageContaining("Duplicate field");
    }

    @Test
    void wattTimeForecastInPoundsPerMegawattHourBecomesGramsPerKilowattHour() {
        TimeSeries s = WattTimeJson.parse(bytes("watttime-v3-forecast.json"), "wt");

        // 1 lb = 0.45359237 kg exactly: 1000 lb/MWh = 453.59237 g/kWh; each point lasts data_point_period_seconds.
        assertThat(s.intervals()).hasSize(3);
        assertThat(s.intervals().get(1).value()).isCloseTo(453.59237, within(1e-9));
        assertThat(s.intervals().get(1).start()).isEqualTo(Instant.parse("2023-06-08T00:05:00Z"));
        assertThat(s.intervals().get(1).length()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void wattTimeSignalIndexIsAFractionNotAnIntensity() {
        TimeSeries s = WattTimeJson.parse(bytes("watttime-v3-signal-index.json"), "wt");

        // The index is a percentile 0-100: 53 -> 0.53.
        assertThat(s.measure()).isEqualTo(Measure.FRACTION);
        assertThat(s.intervals().get(0).value()).isCloseTo(0.53, within(1e-12));
    }

    @Test
    void wattTimeV2ForecastAndHistoricalForecastsAreRead() {
        TimeSeries v2 = WattTimeJson.parse(text("""
                {"generated_at":"2019-01-29T14:55:00Z","forecast":[
                 {"ba":"CAISO_NORTH","point_time":"2019-01-29T15:00:00Z","value":100,"version":"3.2"},
                 {"ba":"CAISO_NORTH","point_time":"2019-01-29T15:05:00Z","value":200,"version":"3.2"}]}"""), "wt");
        TimeSeries newest = WattTimeJson.parse(text("""
                {"data":[{"generated_at":"2023-01-01T00:00:00+00:00","forecast":[{"point_time":"2023-01-01T00:05:00+00:00","value":1}]},
                         {"generated_at":"2023-01-01T00:05:00+00:00","forecast":[{"point_time":"2023-01-01T00:10:00+00:00","value":2}]}],
                 "meta":{"units":"lbs_co2_per_mwh","data_point_period_seconds":300}}"""), "wt");

        assertThat(v2.intervals().get(1).value()).isCloseTo(200 * 0.45359237, within(1e-9));
        assertThat(newest.intervals()).singleElement()
                .satisfies(v -> assertThat(v.start()).isEqualTo(Instant.parse("2023-01-01T00:10:00Z")));
    }

    @Test
    void wattTimeUnknownUnitsAreRefused() {
        assertThatThrownBy(() -> WattTimeJson.parse(text("""
                {"data":[],"meta":{"units":"lbs_so2_per_mwh"}}"""), "wt"))
                .hasMessageContaining("wt: meta.units: 'lbs_so2_per_mwh' is not a unit Kelvin reads");
    }

    @Test
    void ukNationalTakesTheActualWhereThereIsOneAndTheForecastElsewhere() {
        TimeSeries both = CarbonIntensityUkJson.parse(bytes("carbonintensity-uk-national.json"), "gb",
                CarbonIntensityUkJson.Value.ACTUAL_ELSE_FORECAST);
        TimeSeries forecast = CarbonIntensityUkJson.parse(bytes("carbonintensity-uk-national.json"), "gb",
                CarbonIntensityUkJson.Value.FORECAST);

        assertThat(both.intervals()).extracting(TimeSeries.Interval::value).containsExactly(263.0, 270.0);
        assertThat(forecast.intervals()).extracting(TimeSeries.Interval::value).containsExactly(266.0, 270.0);
        assertThat(both.intervals().get(0).length()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void ukRegionalAnswerReadsTheOneRegionsPeriodsAndSeveralRegionsAreRefused() {
        TimeSeries london = CarbonIntensityUkJson.parse(bytes("carbonintensity-uk-regional.json"), "gb",
                CarbonIntensityUkJson.Value.ACTUAL_ELSE_FORECAST);

        assertThat(london.intervals()).extracting(TimeSeries.Interval::value).containsExactly(187.0, 180.0);
        assertThatThrownBy(() -> CarbonIntensityUkJson.parse(text("""
                {"data":[{"regionid":1,"data":[]},{"regionid":2,"data":[]}]}"""), "gb",
                CarbonIntensityUkJson.Value.FORECAST)).hasMessageContaining("gb: data: holds several regions");
        assertThatThrownBy(() -> CarbonIntensityUkJson.parse(text("""
                {"error":{"code":"400 Bad Request","message":"Please enter a valid date in ISO8601 format"}}"""), "gb",
                CarbonIntensityUkJson.Value.FORECAST)).hasMessageContaining("400 Bad Request Please enter a valid date");
    }
}
