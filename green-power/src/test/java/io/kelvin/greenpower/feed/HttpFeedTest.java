package io.kelvin.greenpower.feed;

import static io.kelvin.greenpower.feed.FeedTestSites.carbon;
import static io.kelvin.greenpower.feed.FeedTestSites.electricityMaps;
import static io.kelvin.greenpower.feed.FeedTestSites.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kelvin.core.forecast.ForecastRequest;
import io.kelvin.core.forecast.Freshness;
import io.kelvin.core.forecast.HorizonForecast;
import io.kelvin.core.forecast.SlotBasis;
import io.kelvin.core.forecast.SlotSeries;
import io.kelvin.core.forecast.ScheduledLoadHistory;
import io.kelvin.core.series.feeds.FeedFormat;
import io.kelvin.core.site.Feed;
import io.kelvin.core.site.GridConnection.CarbonMethod;
import io.kelvin.greenpower.forecast.SiteForecastProvider;
import io.kelvin.testkit.MemoryTelemetryStore;
import io.kelvin.testkit.SettableClock;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Feeds fetched over real HTTP on loopback, answers recorded in the providers' documented shapes. */
class HttpFeedTest {

    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
    private static final Map<String, String> ENV = Map.of("EM_TOKEN", "em-secret", "ENTSOE_TOKEN", "e/secret+1");

    private final RecordedServer server = new RecordedServer();
    private final SettableClock clock = new SettableClock(T0);

    @AfterEach
    void stop() {
        server.close();
    }

    private SiteForecastProvider provider(Feed... feeds) {
        return new SiteForecastProvider(site(feeds), new MemoryTelemetryStore(), ScheduledLoadHistory.unknown(), clock,
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), name -> Optional.ofNullable(ENV.get(name)));
    }

    private static ForecastRequest hours(Instant start, int hours) {
        return ForecastRequest.quarterHours("t", start, hours * 4);
    }

    private static Feed emLocation(RecordedServer server) {
        return carbon("em", CarbonMethod.LOCATION, new FeedFormat.ElectricityMaps(), server.url("/v3/carbon-intensity/forecast"),
                Optional.of(new Feed.Token(Optional.of("EM_TOKEN"), Optional.empty(), Optional.of("auth-token"), "", Optional.empty())));
    }

    @Test
    void electricityMapsForecastFillsLocationBasedCarbonAndTheTokenTravelsInItsHeader() {
        server.answer(200, electricityMaps(T0, 48));

        HorizonForecast f = provider(emLocation(server)).forecast(hours(T0.plusSeconds(3600), 2));

        SlotSeries carbon = f.carbon().locationBased();
        // 01:00-02:00 is the second hourly point, 201 gCO2/kWh, in each of its quarter hours.
        assertThat(carbon.values()).containsOnly(201.0, 202.0);
        assertThat(carbon.basis()).containsOnly(SlotBasis.FEED);
        assertThat(carbon.provenance().freshness()).isEqualTo(Freshness.Fresh.ok());
        assertThat(carbon.provenance().refreshedAt()).contains(T0);
        assertThat(server.lastToken()).isEqualTo("em-secret");
        // Location- and market-based stay apart: the market-based input is not configured, not copied.
        assertThat(f.carbon().marketBased().basis()).containsOnly(SlotBasis.MISSING);
        assertThat(f.carbon().marketBased().provenance().freshness()).isInstanceOf(Freshness.NotConfigured.class);
    }

    @Test
    void entsoeTokenGoesInTheQueryAndThePriceKeepsItsCurrency() {
        server.answer(200, FeedTestSites.entsoeDay(T0));
        Feed price = new Feed("dayahead", io.kelvin.core.site.FeedKind.PRICE, Optional.empty(), new FeedFormat.EntsoePrices(1),
                new Feed.HttpLocation(new io.kelvin.core.site.UrlTemplate(server.url("/api?documentType=A44") + "&periodStart"
                        + "={from:yyyyMMddHHmm}&periodEnd={to:yyyyMMddHHmm}"), Optional.of(new Feed.Token(Optional.of("ENTSOE_TOKEN"),
                        Optional.empty(), Optional.empty(), "", Optional.of("securityToken")))),
                FeedTestSites.REFRESH, FeedTestSites.STALE_AFTER, Duration.ofSeconds(5), false);

        HorizonForecast f = provider(price).forecast(hours(T0, 2));

        // Position 1 = 51 EUR/MWh = 0.051 EUR/kWh.
        assertThat(f.importPrice().perKwh().value(0)).isCloseTo(0.051, within(1e-12));
        assertThat(f.importPrice().currency()).contains(Currency.getInstance("EUR"));
        // The period is filled in at the fetch (clock at 2026-03-02 00:00 UTC) and the token appended.
        assertThat(server.lastUri().getQuery()).isEqualTo("documentType=A44&periodStart=202603010000"
                + "&periodEnd=202603040000&securityToken=e/secret+1");
    }

    @Test
    void aServerErrorLeavesTheInputMissingAndSaysWhy() {
        server.answer(500, "upstream exploded");

        SlotSeries carbon = provider(emLocation(server)).forecast(hours(T0, 1)).carbon().locationBased();

        assertThat(carbon.basis()).containsOnly(SlotBasis.MISSING);
        assertThat(carbon.provenance().freshness()).isInstanceOfSatisfying(Freshness.Unavailable.class,
                u -> assertThat(u.reason()).contains("HTTP 500: upstream exploded"));
    }

    @Test
    void aSlowAnswerTimesOutWithoutHoldingTheForecastUp() {
        server.answerSlowly(3000, electricityMaps(T0, 4));
        Feed slow = carbon("em", CarbonMethod.LOCATION, new FeedFormat.ElectricityMaps(), server.url("/forecast"),
                Optional.empty(), Duration.ofMillis(300));
        long t = System.nanoTime();

        SlotSeries carbon = provider(slow).forecast(hours(T0, 1)).carbon().locationBased();

        assertThat(Duration.ofNanos(System.nanoTime() - t)).isLessThan(Duration.ofMillis(2500));
        assertThat(carbon.provenance().freshness()).isInstanceOfSatisfying(Freshness.Unavailable.class,
                u -> assertThat(u.reason()).contains("no answer within 300 ms"));
    }

    @Test
    void aMalformedAnswerKeepsTheLastGoodSeriesAndRecordsTheProblem() {
        server.answer(200, electricityMaps(T0, 48));
        SiteForecastProvider provider = provider(emLocation(server));
        provider.forecast(hours(T0, 1));
        server.answer(200, "{\"forecast\": [ {\"datetime\": ");
        clock.advance(Duration.ofMinutes(20));

        SlotSeries carbon = provider.forecast(hours(T0.plusSeconds(3600), 1)).carbon().locationBased();

        assertThat(server.requests()).isEqualTo(2);
        assertThat(carbon.basis()).containsOnly(SlotBasis.FEED);
        assertThat(carbon.provenance().freshness()).isInstanceOfSatisfying(Freshness.Fresh.class,
                fresh -> assertThat(fresh.lastProblem()).hasValueSatisfying(p -> assertThat(p).contains("is not valid JSON")));
    }

    @Test
    void aFeedThatGoesStaleFallsBackToTheLastGoodDayAndSaysSo() {
        server.answer(200, electricityMaps(T0, 24));
        SiteForecastProvider provider = provider(emLocation(server));
        provider.forecast(hours(T0, 1));
        server.answer(503, "");
        clock.set(T0.plus(Duration.ofHours(30)));

        HorizonForecast f = provider.forecast(hours(T0.plus(Duration.ofHours(20)), 8));
        SlotSeries carbon = f.carbon().locationBased();

        // 20:00-24:00 of day 1 is still in the old answer (stale); 00:00-04:00 of day 2 repeats day 1's 00:00-04:00.
        assertThat(carbon.basis(0)).isEqualTo(SlotBasis.STALE_FEED);
        assertThat(carbon.value(0)).isEqualTo(220);
        assertThat(carbon.basis(16)).isEqualTo(SlotBasis.LAST_GOOD_DAY);
        assertThat(carbon.value(16)).isEqualTo(200);
        assertThat(carbon.value(31)).isEqualTo(203);
        assertThat(carbon.provenance().freshness()).isInstanceOfSatisfying(Freshness.Stale.class, s -> {
            assertThat(s.age()).isEqualTo(Duration.ofHours(30));
            assertThat(s.lastProblem()).contains("HTTP 503");
        });
        assertThat(f.inputs()).filteredOn(i -> i.isFallback()).isNotEmpty();
    }

    @Test
    void aSignalIndexIsNotAcceptedAsACarbonIntensity() {
        server.answer(200, """
                {"data":[{"point_time":"2026-03-02T00:00:00+00:00","value":53}],
                 "meta":{"units":"percentile","data_point_period_seconds":300}}""");
        Feed wt = carbon("wt", CarbonMethod.MARKET, new FeedFormat.WattTime(), server.url("/v3/signal-index"), Optional.empty());

        SlotSeries market = provider(wt).forecast(hours(T0, 1)).carbon().marketBased();

        assertThat(market.basis()).containsOnly(SlotBasis.MISSING);
        assertThat(market.provenance().freshness()).isInstanceOfSatisfying(Freshness.Unavailable.class,
                u -> assertThat(u.reason()).contains("gives fraction, a carbon feed needs gCO2/kWh"));
    }
}
