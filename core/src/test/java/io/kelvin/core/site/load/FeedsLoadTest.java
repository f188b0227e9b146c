package io.kelvin.core.site.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kelvin.core.series.ExchangeRate;
import io.kelvin.core.series.Measure;
import io.kelvin.core.series.feeds.FeedFormat;
import io.kelvin.core.site.Feed;
import io.kelvin.core.site.FeedKind;
import io.kelvin.core.site.GridConnection;
import io.kelvin.core.site.Site;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Currency;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedsLoadTest {

    @TempDir
    Path tmp;

    private Path withFeeds(String yaml) throws IOException {
        Path root = SiteConfigsFolder.copyTo(tmp.resolve("configs"));
        Path site = root.resolve("sites/demo-aidc.yaml");
        String text = Files.readString(site);
        Files.writeString(site, text.substring(0, text.indexOf("\nfeeds:")) + "\n" + yaml);
        return site;
    }

    @Test
    void demoSiteReadsItsCarbonAndPriceFromRepeatedRepositoryFiles() {
        Site site = SiteLoader.load(SiteConfigsFolder.root().resolve("sites/demo-aidc.yaml"));

        Feed carbon = site.feed(FeedKind.CARBON, Optional.of(GridConnection.CarbonMethod.LOCATION)).orElseThrow();
        Feed price = site.feed(FeedKind.PRICE, Optional.empty()).orElseThrow();
        assertThat(carbon.repeat()).isTrue();
        assertThat(carbon.location()).isInstanceOfSatisfying(Feed.FileLocation.class,
                f -> assertThat(f.path()).endsWith(Path.of("data/vessim/watttime_example.csv")).exists());
        assertThat(price.format()).isInstanceOfSatisfying(FeedFormat.Csv.class,
                csv -> assertThat(csv.spec().currency()).contains(Currency.getInstance("EUR")));
        assertThat(site.feed(FeedKind.CARBON, Optional.of(GridConnection.CarbonMethod.MARKET))).isEmpty();
        assertThat(site.forecast().wind().powerCurve()).hasSize(13);
        assertThat(site.forecast().wind().turbines()).contains(2);
        assertThat(site.forecast().wind().bandDays()).isEqualTo(14);
    }

    @Test
    void anHttpFeedKeepsItsTokenOutOfTheFileAndDefaultsItsTimes() throws IOException {
        Path site = withFeeds("""
                feeds:
                  - { id: em, kind: carbon, method: market, format: electricitymaps,
                      url: "https://api.electricitymap.org/v3/carbon-intensity/forecast?zone=DE",
                      token: { env: EM_TOKEN, header: auth-token }, refresh: 30m }
                  - { id: wt, kind: carbon, method: location, format: watttime, url: "https://api.watttime.org/v3/forecast",
                      token: { login: "https://api.watttime.org/login", user: kelvin, env: WT_PASSWORD, header: Authorization,
                               prefix: "Bearer " } }
                  - { id: dayahead, kind: price, format: entsoe, sequence: 1,
                      url: "https://web-api.tp.entsoe.eu/api?documentType=A44", token: { env: ENTSOE_TOKEN, query: securityToken } }
                """);

        Site loaded = SiteLoader.load(site);

        Feed em = loaded.feeds().get(0);
        assertThat(em.method()).contains(GridConnection.CarbonMethod.MARKET);
        assertThat(em.refresh()).isEqualTo(Duration.ofMinutes(30));
        // Stale after four missed refreshes unless the file says otherwise.
        assertThat(em.staleAfter()).isEqualTo(Duration.ofHours(2));
        assertThat(em.location()).isInstanceOfSatisfying(Feed.HttpLocation.class,
                h -> assertThat(h.token().orElseThrow().header()).contains("auth-token"));
        assertThat(loaded.feeds().get(1).location()).isInstanceOfSatisfying(Feed.HttpLocation.class, h ->
                assertThat(h.token().orElseThrow().login()).contains(new Feed.Login(java.net.URI.create(
                        "https://api.watttime.org/login"), "kelvin")));
        assertThat(loaded.feeds().get(2).format()).isEqualTo(new FeedFormat.EntsoePrices(1));
    }

    @Test
    void everyFeedProblemNamesItsField() throws IOException {
        Path site = withFeeds("""
                feeds:
                  - { id: a, kind: carbon, format: csv, file: nowhere.csv,
                      csv: { time: t, value: v, unit: EUR/MWh } }
                  - { id: b, kind: price, format: watttime, url: "ftp://x" }
                  - { id: c, kind: ambient, format: csv, url: "https://x.example/t.csv", token: { header: X },
                      csv: { time: t, value: v, unit: C, zone: Mars/Olympus } }
                  - { id: d, kind: carbon, method: location, format: csv, file: nowhere.csv, password: x,
                      csv: { time: t, value: v, unit: lb/MWh } }
                  - { id: e, kind: carbon, method: location, format: electricitymaps, url: "https://x.example/" }
                """);

        assertThatThrownBy(() -> SiteLoader.load(site)).isInstanceOf(SiteConfigException.class)
                .hasMessageContaining("sites/demo-aidc.yaml: feeds[0].method: is required")
                .hasMessageContaining("feeds[0].file: file 'nowhere.csv' not found")
                .hasMessageContaining("feeds[0].csv.unit: 'EUR/MWh' measures price, a carbon feed needs gCO2/kWh")
                .hasMessageContaining("feeds[1].format: 'watttime' gives carbon, not price")
                .hasMessageContaining("feeds[1].url: 'ftp://x' must be an http:// or https:// URL")
                .hasMessageContaining("feeds[2].token: needs exactly one of env")
                .hasMessageContaining("feeds[2].csv.zone: unknown time zone 'Mars/Olympus'")
                .hasMessageContaining("feeds[3].password: unknown field")
                .hasMessageContaining("feeds[4].kind: a second carbon location feed (first at feeds[3])");
    }

    @Test
    void aPriceFromCsvNeedsItsCurrency() throws IOException {
        Path site = withFeeds("""
                feeds:
                  - { id: p, kind: price, format: csv, file: feeds/demo-tou-tariff.csv,
                      csv: { time: time, value: eur_per_kwh, unit: /kWh } }
                """);

        assertThatThrownBy(() -> SiteLoader.load(site))
                .hasMessageContaining("feeds[0].csv.currency: a price needs its currency");
    }

    @Test
    void aCsvFeedWithIntervalCellsTakesNoResolutionItsRowChoiceNeedsAColumnAndValuesAndItsDecimalIsAPointOrAComma() throws IOException {
        Path site = withFeeds("""
                feeds:
                  - { id: p, kind: price, format: csv, file: feeds/demo-tou-tariff.csv,
                      csv: { time: time, value: eur_per_kwh, unit: EUR/kWh, label: interval, resolution: 1h,
                             only: { values: [], zone: DE }, decimal: ";" } }
                """);

        assertThatThrownBy(() -> SiteLoader.load(site))
                .hasMessageContaining("feeds[0].csv.resolution: with label interval each row's time cell gives its"
                        + " interval; leave resolution out")
                .hasMessageContaining("feeds[0].csv.only.column: is required")
                .hasMessageContaining("feeds[0].csv.only.values: must list at least one value")
                .hasMessageContaining("feeds[0].csv.only.zone: unknown field")
                .hasMessageContaining("feeds[0].csv.decimal: must be '.' or ',', was ';'");
    }

    @Test
    void aPriceFeedInAnotherCurrencyMayGiveAnExchangeRateToThePlanCurrency() throws IOException {
        Path site = withFeeds("""
                feeds:
                  - { id: p, kind: price, format: csv, file: feeds/demo-tou-tariff.csv,
                      csv: { time: time, value: eur_per_kwh, unit: CNY/kWh }, exchangeRate: 0.128 }
                """);
        // Without one (the demo site's tariff is in EUR), there is none.
        Path without = SiteConfigsFolder.root().resolve("sites/demo-aidc.yaml");

        Feed price = SiteLoader.load(site).feed(FeedKind.PRICE, Optional.empty()).orElseThrow();
        assertThat(price.exchangeRate()).contains(new ExchangeRate(0.128));
        assertThat(SiteLoader.load(without).feed(FeedKind.PRICE, Optional.empty()).orElseThrow().exchangeRate()).isEmpty();
    }

    @Test
    void anExchangeRateMustBeAFiniteNumberAboveZeroOnAPriceFeedInAnotherCurrency() throws IOException {
        Path site = withFeeds("""
                feeds:
                  - { id: a, kind: price, format: entsoe, url: "https://a.example/api", exchangeRate: -0.128 }
                  - { id: b, kind: price, format: entsoe, url: "https://b.example/api", exchangeRate: NaN }
                  - { id: c, kind: price, format: entsoe, url: "https://c.example/api", exchangeRate: "0.128 EUR" }
                  - { id: d, kind: price, format: entsoe, url: "https://d.example/api", exchangeRate: 0 }
                  - { id: e, kind: carbon, method: location, format: watttime, url: "https://e.example/api",
                      exchangeRate: 0.128 }
                  - { id: f, kind: price, format: csv, file: feeds/demo-tou-tariff.csv,
                      csv: { time: time, value: eur_per_kwh, unit: EUR/kWh }, exchangeRate: 0.128 }
                """);

        String rule = "must be a finite number > 0: units of EUR per unit of the price's currency (e.g. 0.128 for CNY)";
        assertThatThrownBy(() -> SiteLoader.load(site))
                .hasMessageContaining("feeds[0].exchangeRate: " + rule + ", was -0.128")
                .hasMessageContaining("feeds[1].exchangeRate: " + rule + ", was NaN")
                .hasMessageContaining("feeds[2].exchangeRate: " + rule + ", was 0.128 EUR")
                .hasMessageContaining("feeds[3].exchangeRate: " + rule + ", was 0")
                .hasMessageContaining("feeds[4].exchangeRate: only a price feed has an exchange rate")
                .hasMessageContaining("feeds[5].exchangeRate: the prices are in EUR already, the plan currency");
    }

    @Test
    void aPowerCurveMustRiseInSpeed() throws IOException {
        Path site = withFeeds("""
                forecast:
                  wind: { powerCurve: [[3, 0], [12, 2500], [11, 2500], [30]], turbines: 0 }
                  pv: { defaultClearness: 3 }
                """);

        assertThatThrownBy(() -> SiteLoader.load(site))
                .hasMessageContaining("forecast.wind.powerCurve: speeds must rise from point to point; 11.0 m/s follows 12.0 m/s")
                .hasMessageContaining("forecast.wind.powerCurve[3]: must be a pair of numbers")
                .hasMessageContaining("forecast.wind.turbines: must be 1..10000, was 0")
                .hasMessageContaining("forecast.pv.defaultClearness: must be 0.05..1.2, was 3");
    }

    @Test
    void theWindBandsReplayDaysAreRead() throws IOException {
        Path seven = withFeeds("""
                forecast:
                  wind: { bandDays: 7 }
                """);

        assertThat(SiteLoader.load(seven).forecast().wind().bandDays()).isEqualTo(7);
    }

    @Test
    void windBandReplayDaysOutsideOneToSixtyAreRefusedNamingTheField() throws IOException {
        Path none = withFeeds("""
                forecast:
                  wind: { bandDays: 0 }
                """);

        assertThatThrownBy(() -> SiteLoader.load(none)).hasMessageContaining("forecast.wind.bandDays: must be 1..60, was 0");
    }

    @Test
    void feedKindsCarryTheMeasureTheirSeriesMustHave() {
        // A price feed must give prices, a wind-speed feed speeds: the forecast checks each answer against this.
        assertThat(FeedKind.PRICE.measure()).isEqualTo(Measure.PRICE);
        assertThat(FeedKind.WIND_SPEED.measure()).isEqualTo(Measure.SPEED);
    }

    @Test
    void scenarioFilesReadAFeedFormatTheWaySiteFilesWriteIt() throws IOException {
        var yaml = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());

        FeedFormat csv = FeedFormatReader.read(yaml.readTree("""
                format: csv
                csv: { time: oootime, value: Caiso_North, timeFormat: "yyyy-MM-dd HH:mm:ss", unit: lb/MWh }
                """), "scenarios/week.yaml", "carbon", FeedKind.CARBON, "carbon");

        assertThat(csv).isInstanceOfSatisfying(FeedFormat.Csv.class,
                c -> assertThat(c.spec().unit()).isEqualTo(io.kelvin.core.series.SeriesUnit.LB_PER_MWH));
        assertThatThrownBy(() -> FeedFormatReader.read(yaml.readTree("format: entsoe\nsequence: 12\n"),
                "scenarios/week.yaml", "price", FeedKind.PRICE, "price"))
                .hasMessageContaining("scenarios/week.yaml: price.sequence: must be 1..9, was 12");
    }
}
