package io.kelvin.greenpower.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.core.site.Site;
import io.kelvin.testkit.SettableClock;
import io.kelvin.testkit.SiteFixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedCheckTest {

    @TempDir
    Path tmp;

    @Test
    void theDemoSitesFeedsAnswerAndABrokenOneSaysWhy() throws InterruptedException {
        Site demo = SiteFixtures.demoSite(tmp);
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        SettableClock clock = new SettableClock(Instant.parse("2026-12-07T00:00:00Z"));

        boolean ok = FeedCheck.run(demo, HttpClient.newHttpClient(), clock, new PrintStream(text, true, StandardCharsets.UTF_8));

        assertThat(ok).isTrue();
        assertThat(text.toString(StandardCharsets.UTF_8)).contains("grid-carbon (carbon location): ok,")
                .contains("import-price (price): ok,").contains("EUR");

        Site broken = new Site(demo.info(), demo.grid(), demo.meters(), demo.devices(), demo.cluster(), demo.configRoot(), demo.demandResponse(),
                List.of(FeedTestSites.carbon("nowhere", io.kelvin.core.site.GridConnection.CarbonMethod.LOCATION,
                        new io.kelvin.core.series.feeds.FeedFormat.ElectricityMaps(), java.net.URI.create("http://127.0.0.1:9/x"),
                        java.util.Optional.empty())), demo.forecast());
        text.reset();

        assertThat(FeedCheck.run(broken, HttpClient.newHttpClient(), clock, new PrintStream(text, true, StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(text.toString(StandardCharsets.UTF_8)).contains("nowhere (carbon location): FAILED: http://127.0.0.1:9/x:");
    }

    @Test
    void aPriceFeedInYuanWithAnExchangeRateSaysHowPlansTakeIt() throws Exception {
        Site demo = SiteFixtures.demoSite(tmp);
        Path file = tmp.resolve("cny.csv");
        java.nio.file.Files.writeString(file, "time,cny\n2026-12-07T00:00:00Z,0.5\n2026-12-07T01:00:00Z,0.6\n");
        io.kelvin.core.site.Feed cny = new io.kelvin.core.site.Feed("tariff-cny", io.kelvin.core.site.FeedKind.PRICE,
                java.util.Optional.empty(), new io.kelvin.core.series.feeds.FeedFormat.Csv(io.kelvin.core.series.CsvSeriesSpec
                .of("tariff-cny", "time", "cny", io.kelvin.core.series.SeriesUnit.PER_KWH)
                .withCurrency(java.util.Currency.getInstance("CNY")).withResolution(java.time.Duration.ofHours(1))),
                new io.kelvin.core.site.Feed.FileLocation(file), FeedTestSites.REFRESH, FeedTestSites.STALE_AFTER,
                java.time.Duration.ofSeconds(5), true, java.util.Optional.of(new io.kelvin.core.series.ExchangeRate(0.128)));
        Site site = new Site(demo.info(), demo.grid(), demo.meters(), demo.devices(), demo.cluster(), demo.configRoot(),
                demo.demandResponse(), List.of(cny), demo.forecast());
        ByteArrayOutputStream text = new ByteArrayOutputStream();

        boolean ok = FeedCheck.run(site, HttpClient.newHttpClient(), new SettableClock(Instant.parse("2026-12-07T00:00:00Z")),
                new PrintStream(text, true, StandardCharsets.UTF_8));

        assertThat(ok).isTrue();
        assertThat(text.toString(StandardCharsets.UTF_8)).contains("tariff-cny (price): ok,")
                .contains("per kWh CNY, plans take it converted from CNY at 0.128 EUR/CNY");
    }
}
