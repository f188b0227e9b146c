package io.kelvin.greenpower.feed;

import io.kelvin.core.series.feeds.FeedFormat;
import io.kelvin.core.site.Cluster;
import io.kelvin.core.site.Feed;
import io.kelvin.core.site.FeedKind;
import io.kelvin.core.site.ForecastSettings;
import io.kelvin.core.site.GridConnection;
import io.kelvin.core.site.Site;
import io.kelvin.core.site.SiteInfo;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A meterless site in UTC with the feeds a test gives it, and answers written in the providers' shapes. */
final class FeedTestSites {

    static final Duration REFRESH = Duration.ofMinutes(15);
    static final Duration STALE_AFTER = Duration.ofHours(1);

    private FeedTestSites() {
    }

    static Site site(Feed... feeds) {
        return new Site(new SiteInfo("t", "t", ZoneOffset.UTC, 51.5, 0), new GridConnection(1000, false, Optional.empty(),
                Optional.empty()), List.of(), List.of(), new Cluster(8, 0.1, 0.7), Path.of("."), Optional.empty(), List.of(feeds),
                ForecastSettings.DEFAULT);
    }

    static Feed carbon(String id, GridConnection.CarbonMethod method, FeedFormat format, URI url, Optional<Feed.Token> token) {
        return carbon(id, method, format, url, token, Duration.ofSeconds(5));
    }

    static Feed carbon(String id, GridConnection.CarbonMethod method, FeedFormat format, URI url, Optional<Feed.Token> token,
                       Duration timeout) {
        return new Feed(id, FeedKind.CARBON, Optional.of(method), format, new Feed.HttpLocation(url, token), REFRESH,
                STALE_AFTER, timeout, false);
    }

    static Feed price(String id, URI url, Optional<Feed.Token> token) {
        return new Feed(id, FeedKind.PRICE, Optional.empty(), new FeedFormat.EntsoePrices(1), new Feed.HttpLocation(url, token),
                REFRESH, STALE_AFTER, Duration.ofSeconds(5), false);
    }

    /** An Electricity Maps forecast answer: {@code hours} hourly points from {@code start}, intensity 200 + hour. */
    static String electricityMaps(Instant start, int hours) {
        StringBuilder s = new StringBuilder("{\"zone\":\"DE\",\"forecast\":[");
        for (int h = 0; h < hours; h++) {
            s.append(h == 0 ? "" : ",").append(String.format(Locale.ROOT, "{\"carbonIntensity\":%d,\"datetime\":\"%s\"}",
                    200 + h, start.plus(Duration.ofHours(h))));
        }
        return s.append("],\"updatedAt\":\"").append(start).append("\"}").toString();
    }

    /** An ENTSO-E A44 day of hourly prices 50 + position EUR/MWh from {@code start}. */
    static String entsoeDay(Instant start) {
        return io.kelvin.testkit.EntsoeAnswers.hourly(start, 24, "EUR", 50);
    }
}
