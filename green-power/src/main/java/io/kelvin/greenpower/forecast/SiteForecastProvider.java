package io.kelvin.greenpower.forecast;

import io.kelvin.core.forecast.BandSeries;
import io.kelvin.core.forecast.CarbonSeries;
import io.kelvin.core.forecast.ForecastProvider;
import io.kelvin.core.forecast.ForecastRequest;
import io.kelvin.core.forecast.HorizonForecast;
import io.kelvin.core.forecast.PriceSeries;
import io.kelvin.core.forecast.Provenance;
import io.kelvin.core.forecast.ScheduledLoadHistory;
import io.kelvin.core.forecast.SlotSeries;
import io.kelvin.core.series.ExchangeRate;
import io.kelvin.core.series.TimeSeries;
import io.kelvin.core.site.Feed;
import io.kelvin.core.site.FeedKind;
import io.kelvin.core.site.GridConnection.CarbonMethod;
import io.kelvin.core.site.Site;
import io.kelvin.core.telemetry.TelemetryStore;
import io.kelvin.greenpower.feed.CachedFeed;
import io.kelvin.greenpower.feed.FeedFetcher;
import io.kelvin.greenpower.feed.FeedSlots;
import io.kelvin.greenpower.feed.FileFetcher;
import io.kelvin.greenpower.feed.HttpFetcher;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The {@link ForecastProvider} of one site, built from its site file: PV, wind and unscheduled IT load from the
 * site's meters in the {@link TelemetryStore}, carbon (location- and market-based apart), price, ambient and wind
 * speed from the site's feeds (a price feed in another currency converted at its exchange rate, when it gives one).
 * {@link #forecast} refreshes the feeds that are due and never throws for a failing
 * feed or store: it answers with fallbacks, flagged. The app may also call {@link #refreshFeeds} on its own schedule
 * so that HTTP waits stay off the planning path. Time is the injected clock's.
 */
public final class SiteForecastProvider implements ForecastProvider {

    private final Site site;
    private final InstantSource clock;
    private final Map<String, CachedFeed> feeds = new LinkedHashMap<>();
    private final PvForecaster pv;
    private final WindForecaster wind;
    private final LoadForecaster load;

    public SiteForecastProvider(Site site, TelemetryStore store, ScheduledLoadHistory scheduled, InstantSource clock,
                                HttpClient http, Function<String, Optional<String>> environment) {
        this.site = site;
        this.clock = clock;
        for (Feed f : site.feeds()) {
            FeedFetcher fetcher = switch (f.location()) {
                case Feed.FileLocation file -> new FileFetcher(file.path());
                case Feed.HttpLocation url -> new HttpFetcher(http, url, f.timeout(), environment);
            };
            feeds.put(f.id(), new CachedFeed(f, fetcher));
        }
        this.pv = new PvForecaster(site, store);
        this.wind = new WindForecaster(site, store);
        this.load = new LoadForecaster(site, store, scheduled);
    }

    /** With a default HTTP client (10 s connect timeout, redirects followed) and tokens from the environment. */
    public static SiteForecastProvider create(Site site, TelemetryStore store, ScheduledLoadHistory scheduled,
                                              InstantSource clock) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        return new SiteForecastProvider(site, store, scheduled, clock, http, HttpFetcher.processEnvironment());
    }

    /** Fetches every feed whose refresh interval has passed. */
    public void refreshFeeds() throws InterruptedException {
        Instant now = clock.instant();
        for (CachedFeed f : feeds.values()) {
            f.refreshIfDue(now);
        }
    }

    @Override
    public HorizonForecast forecast(ForecastRequest request) {
        if (!request.siteId().equals(site.info().id())) {
            throw new IllegalArgumentException("this provider forecasts site '" + site.info().id() + "', not '"
                    + request.siteId() + "'");
        }
        try {
            refreshFeeds();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Instant now = clock.instant();
        BandSeries pvKw = pv.forecast(request, now);
        BandSeries windKw = windForecast(request, now);
        CarbonSeries carbon = new CarbonSeries(feed(FeedKind.CARBON, Optional.of(CarbonMethod.LOCATION), request, now,
                "carbon intensity (location-based)"), feed(FeedKind.CARBON, Optional.of(CarbonMethod.MARKET), request, now,
                "carbon intensity (market-based)"));
        return new HorizonForecast(request, pvKw, windKw, load.forecast(request, now), carbon, importPrice(request, now),
                feed(FeedKind.AMBIENT, Optional.empty(), request, now, "ambient temperature"));
    }

    /**
     * The price feed's prices; with the feed's exchange rate, prices in another currency are converted to the plan
     * currency ({@link ExchangeRate#toPlanCurrency}) and say from which currency at which rate.
     */
    private PriceSeries importPrice(ForecastRequest request, Instant now) {
        Optional<CachedFeed> f = cached(FeedKind.PRICE, Optional.empty());
        Optional<Currency> given = f.flatMap(c -> c.series(request.start(), request.end()).currency());
        Optional<ExchangeRate> rate = f.flatMap(c -> c.feed().exchangeRate())
                .filter(r -> given.isPresent() && !given.get().equals(ExchangeRate.PLAN_CURRENCY));
        SlotSeries price = feed(FeedKind.PRICE, Optional.empty(), request, now, "import price",
                s -> rate.map(r -> r.toPlanCurrency(s)).orElse(s));
        return rate.isEmpty() ? new PriceSeries(price, given) : new PriceSeries(price,
                Optional.of(ExchangeRate.PLAN_CURRENCY), Optional.of(new PriceSeries.Conversion(given.get(), rate.get())));
    }

    private BandSeries windForecast(ForecastRequest request, Instant now) {
        Optional<CachedFeed> speed = cached(FeedKind.WIND_SPEED, Optional.empty());
        if (wind.hasCurve() && speed.isPresent()) {
            // The band compares the curve over the feed's past speeds (up to the issue) with the measured output.
            Instant asOf = now.isBefore(request.start()) ? now : request.start();
            Duration step = request.slotLength();
            int past = (int) (Duration.ofDays(wind.bandDays()).toMillis() / step.toMillis());
            Instant pastFrom = asOf.minus(step.multipliedBy(past));
            double[] pastSpeed = speed.get().series(pastFrom, asOf).slotMeans(pastFrom, step, past);
            return wind.fromSpeed(feed(FeedKind.WIND_SPEED, Optional.empty(), request, now, "wind speed"), pastSpeed,
                    pastFrom, step);
        }
        return wind.persistence(request, now);
    }

    private Optional<CachedFeed> cached(FeedKind kind, Optional<CarbonMethod> method) {
        return site.feed(kind, method).map(f -> feeds.get(f.id()));
    }

    private SlotSeries feed(FeedKind kind, Optional<CarbonMethod> method, ForecastRequest request, Instant now,
                            String what) {
        return feed(kind, method, request, now, what, UnaryOperator.identity());
    }

    private SlotSeries feed(FeedKind kind, Optional<CarbonMethod> method, ForecastRequest request, Instant now,
                            String what, UnaryOperator<TimeSeries> convert) {
        Optional<CachedFeed> f = cached(kind, method);
        if (f.isEmpty()) {
            return SlotSeries.missing(request.slots(), Provenance.notConfigured(what));
        }
        Instant from = request.start().minus(Duration.ofDays(9));
        TimeSeries series = convert.apply(f.get().series(from, request.end()));
        return FeedSlots.of(series, request, site.info().timezone(), f.get().provenance(now));
    }
}
