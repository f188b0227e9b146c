package io.kelvin.greenpower.feed;

import io.kelvin.core.forecast.Freshness;
import io.kelvin.core.forecast.Provenance;
import io.kelvin.core.series.ExchangeRate;
import io.kelvin.core.series.TimeSeries;
import io.kelvin.core.site.Feed;
import io.kelvin.core.site.Site;
import io.kelvin.core.site.load.SiteConfigException;
import io.kelvin.core.site.load.SiteLoader;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;

/**
 * {@code ./kelvin check-feeds FILE}: fetches every feed of a site file once and prints, per feed, what came back
 * (intervals, span, unit) or why nothing did. Exit status 0 when every feed answered, 1 otherwise, 2 for a bad site
 * file. The only place besides the app that reads the real clock: it is a command, a composition root of its own.
 */
public final class FeedCheck {

    private FeedCheck() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: check-feeds SITE_FILE");
            System.exit(2);
        }
        Site site;
        try {
            site = SiteLoader.load(Path.of(args[0]));
        } catch (SiteConfigException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        System.exit(run(site, http, InstantSource.system(), System.out) ? 0 : 1);
    }

    /** Checks every feed; true when each gave a usable answer. */
    public static boolean run(Site site, HttpClient http, InstantSource clock, PrintStream out) throws InterruptedException {
        boolean all = true;
        if (site.feeds().isEmpty()) {
            out.println(site.info().id() + ": no feeds configured");
        }
        for (Feed f : site.feeds()) {
            FeedFetcher fetcher = switch (f.location()) {
                case Feed.FileLocation file -> new FileFetcher(file.path());
                case Feed.HttpLocation url -> new HttpFetcher(http, url, f.timeout(), HttpFetcher.processEnvironment());
            };
            CachedFeed cached = new CachedFeed(f, fetcher);
            Instant now = clock.instant();
            cached.refreshIfDue(now);
            Provenance p = cached.provenance(now);
            TimeSeries s = cached.series(now, now.plus(Duration.ofDays(2)));
            String role = f.kind().name().toLowerCase(Locale.ROOT) + f.method().map(m -> " " + m.name().toLowerCase(Locale.ROOT)).orElse("");
            if (p.freshness() instanceof Freshness.Fresh && !s.isEmpty()) {
                String converted = f.exchangeRate().flatMap(r -> s.currency()
                        .filter(c -> !c.equals(ExchangeRate.PLAN_CURRENCY)).map(c -> ", plans take it " + r.describe(c)))
                        .orElse("");
                out.printf(Locale.ROOT, "%s (%s): ok, %d intervals %s .. %s, %s%s%s%n", f.id(), role, s.intervals().size(),
                        s.first().orElseThrow(), s.last().orElseThrow(), s.measure().canonicalUnit(),
                        s.currency().map(c -> " " + c).orElse(""), converted);
            } else {
                all = false;
                String why = p.freshness() instanceof Freshness.Unavailable u ? u.reason() : "answered with no values";
                out.printf("%s (%s): FAILED: %s%n", f.id(), role, why);
            }
        }
        return all;
    }
}
