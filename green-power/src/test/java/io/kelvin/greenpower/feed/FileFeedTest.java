package io.kelvin.greenpower.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kelvin.core.forecast.ForecastRequest;
import io.kelvin.core.forecast.HorizonForecast;
import io.kelvin.core.forecast.ScheduledLoadHistory;
import io.kelvin.core.forecast.SlotBasis;
import io.kelvin.core.series.CsvSeriesSpec;
import io.kelvin.core.series.Measure;
import io.kelvin.core.series.SeriesUnit;
import io.kelvin.core.series.TimeSeries;
import io.kelvin.core.series.feeds.FeedFormat;
import io.kelvin.core.site.Cluster;
import io.kelvin.core.site.Feed;
import io.kelvin.core.site.FeedKind;
import io.kelvin.core.site.ForecastSettings;
import io.kelvin.core.site.GridConnection;
import io.kelvin.core.site.Site;
import io.kelvin.core.site.SiteInfo;
import io.kelvin.core.site.WindForecastSettings.CurvePoint;
import io.kelvin.greenpower.forecast.SiteForecastProvider;
import io.kelvin.testkit.MemoryTelemetryStore;
import io.kelvin.testkit.SettableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileFeedTest {

    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void thePowerCurvesBandComesFromItsErrorsOverTheSpeedFeedsPastAgainstTheWindMeters() throws IOException {
        // The demo site: two turbines of a curve giving 1,120 kW at 9 m/s. The feed said 9 m/s for the last two days
        // and says so for the next hours; the turbines measured 1,120 kW +- 50 each, alternating by the hour: the
        // curve erred by +100 kW half the time and -100 kW the other half, so P10 = P50 - 100 and P90 = P50 + 100.
        Site demo = io.kelvin.testkit.SiteFixtures.demoSite(tmp);
        StringBuilder csv = new StringBuilder("time,ms\n");
        for (Instant t = T0.minus(Duration.ofDays(2)); t.isBefore(T0.plus(Duration.ofHours(4))); t = t.plus(Duration.ofHours(1))) {
            csv.append(t).append(",9\n");
        }
        Path speeds = tmp.resolve("hub-speed.csv");
        Files.writeString(speeds, csv);
        Feed speed = new Feed("hub-speed", FeedKind.WIND_SPEED, Optional.empty(),
                new FeedFormat.Csv(CsvSeriesSpec.of("hub-speed", "time", "ms", SeriesUnit.METRES_PER_SECOND)
                        .withResolution(Duration.ofHours(1))),
                new Feed.FileLocation(speeds), Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofSeconds(1), false);
        List<Feed> feeds = new java.util.ArrayList<>(demo.feeds());
        feeds.add(speed);
        Site site = new Site(demo.info(), demo.grid(), demo.meters(), demo.devices(), demo.cluster(), demo.configRoot(),
                demo.demandResponse(), feeds, demo.forecast(), demo.reporting(), demo.renewables());
        MemoryTelemetryStore store = new MemoryTelemetryStore();
        site.meters(io.kelvin.core.site.MeterRole.WIND).forEach(m -> store.fill(m.point(), T0.minus(Duration.ofDays(2)), T0,
                Duration.ofMinutes(5), t -> (t.getEpochSecond() / 3600) % 2 == 0 ? 1170.0 : 1070.0));

        HorizonForecast f = new SiteForecastProvider(site, store, ScheduledLoadHistory.unknown(), new SettableClock(T0),
                java.net.http.HttpClient.newHttpClient(), name -> Optional.empty())
                .forecast(ForecastRequest.quarterHours(site.info().id(), T0, 8));

        for (int t = 0; t < 8; t++) {
            assertThat(f.windKw().p50().value(t)).isCloseTo(2240, within(1e-9));
            assertThat(f.windKw().p10()[t]).isCloseTo(2140, within(1e-9));
            assertThat(f.windKw().p90()[t]).isCloseTo(2340, within(1e-9));
        }
        assertThat(f.windKw().p50().provenance().source()).contains("band from 192 errors of the curve over the feed's"
                + " past speeds");
    }

    @Test
    void aWindSpeedFeedGoesThroughThePowerCurveForEveryTurbine() throws IOException {
        Path speeds = tmp.resolve("wind.csv");
        Files.writeString(speeds, "time,ms\n2026-03-02T00:00:00Z,7.5\n2026-03-02T01:00:00Z,30\n");
        Feed wind = new Feed("hub-wind", FeedKind.WIND_SPEED, Optional.empty(),
                new FeedFormat.Csv(CsvSeriesSpec.of("hub-wind", "time", "ms", SeriesUnit.METRES_PER_SECOND)
                        .withResolution(Duration.ofHours(1))),
                new Feed.FileLocation(speeds), Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofSeconds(1), false);
        ForecastSettings settings = ForecastSettings.withCurve(List.of(new CurvePoint(3, 0), new CurvePoint(6, 310),
                new CurvePoint(9, 1120), new CurvePoint(12, 2500), new CurvePoint(25, 2500)), 2);
        Site site = new Site(new SiteInfo("t", "t", ZoneOffset.UTC, 50, 8), new GridConnection(1000, false,
                Optional.empty(), Optional.empty()), List.of(), List.of(), new Cluster(8, 0.1, 0.7), tmp, Optional.empty(), List.of(wind),
                settings);

        HorizonForecast f = new SiteForecastProvider(site, new MemoryTelemetryStore(), ScheduledLoadHistory.unknown(),
                new SettableClock(T0), java.net.http.HttpClient.newHttpClient(), name -> Optional.empty()).forecast(ForecastRequest.quarterHours("t", T0, 12));

        // 7.5 m/s: 715 kW a turbine (halfway 310..1,120), 2 turbines 1,430 kW; 30 m/s is past cut-out: 0.
        assertThat(f.windKw().p50().value(0)).isCloseTo(1430, within(1e-9));
        assertThat(f.windKw().p50().value(4)).isZero();
        assertThat(f.windKw().p50().basis(0)).isEqualTo(SlotBasis.FEED);
        // 02:00 onwards the file says nothing, and no earlier day is complete: missing, not 0.
        assertThat(f.windKw().p50().basis(8)).isEqualTo(SlotBasis.MISSING);
        assertThat(f.windKw().p50().provenance().source()).startsWith("power curve (2 x 2500 kW) over feed hub-wind")
                .contains("no band yet: no wind meters");
        // No measured output to compare the curve with: no band, nothing invented.
        assertThat(f.windKw().p10()[0]).isEqualTo(1430, within(1e-9));
        assertThat(f.windKw().p90()[0]).isEqualTo(1430, within(1e-9));
    }

    @Test
    void aRepeatedFileIsReplayedWithThePeriodOfTheWholeDaysItCovers() {
        Instant day = Instant.parse("2026-01-05T00:00:00Z");
        TimeSeries tariff = new TimeSeries("t", Measure.PRICE, Optional.empty(), List.of(
                new TimeSeries.Interval(day, day.plus(Duration.ofHours(12)), 0.1),
                new TimeSeries.Interval(day.plus(Duration.ofHours(12)), day.plus(Duration.ofDays(1)), 0.3)));

        TimeSeries later = Repeat.over(tariff, Instant.parse("2026-12-07T06:00:00Z"), Instant.parse("2026-12-08T06:00:00Z"));

        assertThat(later.slotMeans(Instant.parse("2026-12-07T06:00:00Z"), Duration.ofHours(6), 4))
                .containsExactly(0.1, 0.3, 0.3, 0.1);
    }

    @Test
    void aNewAnswerReplacesTheOldValuesOfItsSpanAndKeepsTheRest() {
        TimeSeries old = series(0, 4, 1.0);
        TimeSeries fresh = series(2, 6, 2.0);

        TimeSeries merged = CachedFeed.merge(old, fresh, T0.minus(Duration.ofDays(8)));

        assertThat(merged.slotMeans(T0, Duration.ofHours(1), 6)).containsExactly(1.0, 1.0, 2.0, 2.0, 2.0, 2.0);
        assertThat(CachedFeed.merge(old, fresh, T0.plus(Duration.ofHours(1))).slotMeans(T0, Duration.ofHours(1), 2)[0]).isNaN();
    }

    private static TimeSeries series(int fromHour, int toHour, double v) {
        List<TimeSeries.Interval> out = new java.util.ArrayList<>();
        for (int h = fromHour; h < toHour; h++) {
            out.add(new TimeSeries.Interval(T0.plus(Duration.ofHours(h)), T0.plus(Duration.ofHours(h + 1)), v));
        }
        return new TimeSeries("s", Measure.CARBON_INTENSITY, Optional.empty(), out);
    }
}
