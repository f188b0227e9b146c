package io.kelvin.greenpower.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.kelvin.core.forecast.ForecastInput;
import io.kelvin.core.forecast.ForecastRequest;
import io.kelvin.core.forecast.Freshness;
import io.kelvin.core.forecast.HorizonForecast;
import io.kelvin.core.forecast.InputStatus;
import io.kelvin.core.forecast.ScheduledLoadHistory;
import io.kelvin.core.forecast.SlotBasis;
import io.kelvin.core.series.Measure;
import io.kelvin.core.series.TimeSeries;
import io.kelvin.core.site.MeterRole;
import io.kelvin.core.site.Site;
import io.kelvin.greenpower.solar.ClearSky;
import io.kelvin.testkit.MemoryTelemetryStore;
import io.kelvin.testkit.SettableClock;
import io.kelvin.testkit.SiteFixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo site's forecast, from its repository feed files and a telemetry store the test fills. */
class SiteForecastProviderTest {

    private static final Instant NOW = Instant.parse("2026-12-07T04:00:00Z");
    private static final Duration Q = Duration.ofMinutes(15);

    @TempDir
    Path tmp;

    private final MemoryTelemetryStore store = new MemoryTelemetryStore();
    private final SettableClock clock = new SettableClock(NOW);

    private HorizonForecast forecast(Site site, ScheduledLoadHistory scheduled, int slots) {
        return SiteForecastProvider.create(site, store, scheduled, clock)
                .forecast(ForecastRequest.quarterHours("demo-aidc", NOW, slots));
    }

    @Test
    void theDemoSitePlansOfflineOnItsRepeatedCarbonAndTariffFilesAndSaysWhatIsMissing() {
        Site site = SiteFixtures.demoSite(tmp);

        HorizonForecast f = forecast(site, ScheduledLoadHistory.unknown(), 96);

        assertThat(f.carbon().locationBased().basis()).containsOnly(SlotBasis.FEED);
        assertThat(f.carbon().locationBased().provenance().source()).contains("feed grid-carbon").contains("repeated every 31 d");
        // 04:00 UTC is 12:00 in Shanghai: the demo tariff's midday price, 0.10 EUR/kWh; 09:00 UTC is 17:00, 0.35.
        assertThat(f.importPrice().perKwh().value(0)).isCloseTo(0.10, within(1e-12));
        assertThat(f.importPrice().perKwh().value(20)).isCloseTo(0.35, within(1e-12));
        assertThat(f.importPrice().currency()).contains(Currency.getInstance("EUR"));
        // Nothing measured yet: every model says it has no data, and nothing is invented.
        assertThat(f.pvKw().p50().basis()).contains(SlotBasis.MODEL_WITHOUT_DATA);
        assertThat(f.unscheduledItKw().basis()).containsOnly(SlotBasis.MISSING);
        assertThat(f.windKw().p50().basis()).containsOnly(SlotBasis.MISSING);
        assertThat(f.windKw().p50().provenance().source()).contains("no band yet");
        assertThat(f.ambientC().provenance().freshness()).isInstanceOf(Freshness.NotConfigured.class);
        assertThat(f.inputs()).extracting(InputStatus::input).containsExactly(ForecastInput.values());
        assertThat(f.inputs()).filteredOn(InputStatus::isFallback).extracting(InputStatus::input).doesNotContain(
                ForecastInput.CARBON_LOCATION_BASED, ForecastInput.IMPORT_PRICE);
    }

    @Test
    void pvFollowsTheClearnessTheInvertersMeasured() {
        Site site = SiteFixtures.demoSite(tmp);
        ClearSky sky = new ClearSky(site.info().latitude(), site.info().longitude());
        // Five 500 kW inverters, each at 60 % of the clear-sky share for four days.
        site.meters(MeterRole.PV).forEach(m -> store.fill(m.point(), NOW.minus(Duration.ofDays(4)), NOW, Duration.ofMinutes(5),
                t -> 500 * 0.6 * sky.slotShare(t, Duration.ofMinutes(5))));

        HorizonForecast f = forecast(site, ScheduledLoadHistory.unknown(), 16);

        // Steady clearness 0.6 persists: P50 at 05:00 UTC (13:00 local) = 2,500 kW x 0.6 x clear-sky share.
        double share = sky.slotShare(NOW.plus(Duration.ofHours(1)), Q);
        assertThat(f.pvKw().p50().value(4)).isCloseTo(2500 * 0.6 * share, within(2500 * 0.01));
        assertThat(f.pvKw().p10()[4]).isLessThanOrEqualTo(f.pvKw().p50().value(4));
        assertThat(f.pvKw().p90()[4]).isGreaterThanOrEqualTo(f.pvKw().p50().value(4));
        assertThat(f.pvKw().p50().basis()).containsOnly(SlotBasis.MODEL);
        assertThat(f.pvKw().p50().provenance().freshness()).isEqualTo(Freshness.Fresh.ok());
        assertThat(f.pvKw().p50().provenance().source()).contains("M-PV-01").contains("2500 kW rated");
    }

    @Test
    void unscheduledLoadIsTheMeteredItLoadLessWhatKelvinsJobsDrew() {
        Site site = SiteFixtures.demoSite(tmp);
        site.meters(MeterRole.IT_LOAD).forEach(m -> store.fill(m.point(), NOW.minus(Duration.ofDays(15)), NOW,
                Duration.ofMinutes(1), t -> 4000.0));
        ScheduledLoadHistory jobs = (from, to) -> new TimeSeries("jobs", Measure.POWER, Optional.empty(),
                List.of(new TimeSeries.Interval(from, to, 3000)));

        HorizonForecast f = forecast(site, jobs, 8);

        // Two IT meters at 4,000 kW = 8,000 kW metered; Kelvin's jobs drew 3,000: the other 5,000 kW are not Kelvin's.
        assertThat(f.unscheduledItKw().values()).containsOnly(5000.0);
        assertThat(f.unscheduledItKw().basis()).containsOnly(SlotBasis.MODEL);
    }

    @Test
    void windPersistsTheTurbinesOutputTowardsItsMean() {
        Site site = SiteFixtures.demoSite(tmp);
        site.meters(MeterRole.WIND).forEach(m -> store.fill(m.point(), NOW.minus(Duration.ofDays(7)), NOW,
                Duration.ofMinutes(5), t -> t.isBefore(NOW.minus(Duration.ofHours(1))) ? 1000.0 : 2000.0));

        HorizonForecast f = forecast(site, ScheduledLoadHistory.unknown(), 96);

        // Now 2 x 2,000 kW, mean just above 2 x 1,000 kW: the forecast starts near 4,000 and falls towards 2,000.
        assertThat(f.windKw().p50().value(0)).isBetween(3500.0, 4000.0);
        assertThat(f.windKw().p50().value(95)).isBetween(2000.0, 2300.0);
    }

    @Test
    void theWindBandIsMeasuredOnTheTurbinesOwnHistoryAndStaysWithinTheirRatedPower() {
        Site site = SiteFixtures.demoSite(tmp);
        // Each turbine 6 h at 600 kW, 6 h at 2,000 kW, for 21 days: persistence errs by up to 2 x 1,400 kW at a change.
        site.meters(MeterRole.WIND).forEach(m -> store.fill(m.point(), NOW.minus(Duration.ofDays(21)), NOW,
                Duration.ofMinutes(5), t -> (t.getEpochSecond() / 21_600) % 2 == 0 ? 600.0 : 2000.0));

        HorizonForecast f = forecast(site, ScheduledLoadHistory.unknown(), 96);

        double[] p10 = f.windKw().p10();
        double[] p90 = f.windKw().p90();
        for (int t = 0; t < 96; t++) {
            double p50 = f.windKw().p50().value(t);
            assertThat(p10[t]).as("slot %d", t).isBetween(0.0, p50);
            // The demo's two turbines of the stated 2,500 kW curve: 5,000 kW at most.
            assertThat(p90[t]).as("slot %d", t).isBetween(p50, 5000.0);
        }
        assertThat(p90[40] - p10[40]).as("spread 10 h ahead").isGreaterThan(1000.0);
        assertThat(f.windKw().p50().provenance().source())
                .contains("band from").contains("errors of the model replayed hourly over the last 14 days");
    }

    @Test
    void aRequestForAnotherSiteIsRefused() {
        SiteForecastProvider p = SiteForecastProvider.create(SiteFixtures.demoSite(tmp), store,
                ScheduledLoadHistory.unknown(), clock);

        assertThatThrownBy(() -> p.forecast(ForecastRequest.quarterHours("elsewhere", NOW, 4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 'elsewhere'");
    }

    @Test
    void theDemoZoneIsShanghai() {
        // The tariff expectations above assume UTC+8 without daylight saving.
        assertThat(SiteFixtures.demoSite(tmp).info().timezone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void aCsvPriceFeedInYuanWithAnExchangeRateIsConvertedToEurosAndSaysFromWhichCurrencyAtWhichRate() throws IOException {
        StringBuilder csv = new StringBuilder("time,cny_per_kwh\n");
        for (int h = 0; h < 72; h++) {
            csv.append(NOW.truncatedTo(java.time.temporal.ChronoUnit.DAYS).minus(Duration.ofDays(1)).plus(Duration.ofHours(h)))
                    .append(',').append(0.5 + (h % 24) * 0.01).append('\n');
        }
        Site site = withPriceFeed("cny.csv", csv.toString(), """
                  - id: import-price
                    kind: price
                    format: csv
                    file: feeds/cny.csv
                    csv: { time: time, value: cny_per_kwh, unit: CNY/kWh, resolution: 1h }
                    exchangeRate: 0.128
                """);

        HorizonForecast f = forecast(site, ScheduledLoadHistory.unknown(), 8);

        // 04:00 UTC: 0.54 CNY/kWh at 0.128 EUR/CNY; 05:00 UTC: 0.55 CNY/kWh.
        assertThat(f.importPrice().perKwh().value(0)).isCloseTo(0.54 * 0.128, within(1e-12));
        assertThat(f.importPrice().perKwh().value(4)).isCloseTo(0.55 * 0.128, within(1e-12));
        assertThat(f.importPrice().currency()).contains(Currency.getInstance("EUR"));
        assertThat(f.importPrice().converted()).hasValueSatisfying(c -> assertThat(c.describe())
                .isEqualTo("converted from CNY at 0.128 EUR/CNY"));
        assertThat(f.importPrice().perKwh().basis()).containsOnly(SlotBasis.FEED);
    }

    @Test
    void anEntsoePriceFeedInZlotyWithAnExchangeRateIsConvertedAndWithoutOneIsLeftInZloty() throws IOException {
        Instant day = NOW.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        String xml = io.kelvin.testkit.EntsoeAnswers.hourly(day, 24, "PLN", 400);
        String feed = """
                  - id: day-ahead
                    kind: price
                    format: entsoe
                    file: feeds/pln.xml
                """;

        HorizonForecast converted = forecast(withPriceFeed("pln.xml", xml, feed + "    exchangeRate: 0.23\n"),
                ScheduledLoadHistory.unknown(), 4);
        HorizonForecast asGiven = forecast(withPriceFeed("pln.xml", xml, feed),
                ScheduledLoadHistory.unknown(), 4);

        // 04:00-05:00 UTC is position 5: 405 PLN/MWh, 0.405 PLN/kWh.
        assertThat(converted.importPrice().perKwh().value(0)).isCloseTo(0.405 * 0.23, within(1e-12));
        assertThat(converted.importPrice().currency()).contains(Currency.getInstance("EUR"));
        assertThat(converted.importPrice().converted()).hasValueSatisfying(c -> assertThat(c.describe())
                .isEqualTo("converted from PLN at 0.23 EUR/PLN"));
        assertThat(asGiven.importPrice().perKwh().value(0)).isCloseTo(0.405, within(1e-12));
        assertThat(asGiven.importPrice().currency()).contains(Currency.getInstance("PLN"));
        assertThat(asGiven.importPrice().converted()).isEmpty();
    }

    /** The demo site with its price feed replaced by {@code feedYaml}, reading {@code content} from feeds/{@code name}. */
    private Site withPriceFeed(String name, String content, String feedYaml) throws IOException {
        Path dir = java.nio.file.Files.createTempDirectory(tmp, "site");
        Path file = SiteFixtures.copyWithFreePorts(dir, SiteFixtures.DEMO_SITE);
        java.nio.file.Files.writeString(file.getParent().resolveSibling("feeds").resolve(name), content);
        String yaml = java.nio.file.Files.readString(file);
        int from = yaml.indexOf("  - id: import-price");
        int to = yaml.indexOf("\n\n", from);
        java.nio.file.Files.writeString(file, yaml.substring(0, from) + feedYaml + yaml.substring(to + 1));
        return io.kelvin.core.site.load.SiteLoader.load(file);
    }
}
