package io.kelvin.greenpower.feed;

import io.kelvin.core.forecast.Freshness;
import io.kelvin.core.forecast.Provenance;
import io.kelvin.core.series.Measure;
import io.kelvin.core.series.SeriesFormatException;
import io.kelvin.core.series.TimeSeries;
import io.kelvin.core.site.Feed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One feed with its last good series. {@link #refreshIfDue} fetches and parses when the refresh interval has passed
 * since the last attempt; a good answer is merged into what is kept (its span replaces the old values there; values
 * older than {@link #KEEP} are dropped), a bad one (unreachable, HTTP error, malformed, wrong measure) only becomes
 * the feed's last problem. Nothing here throws for the outside world's faults. Thread-safe.
 */
public final class CachedFeed {

    /** How much past the cache keeps: enough for the last good day behind a two-day horizon. */
    static final Duration KEEP = Duration.ofDays(8);
    private static final Logger LOG = LoggerFactory.getLogger(CachedFeed.class);

    private final Feed feed;
    private final FeedFetcher fetcher;
    private TimeSeries series;
    private Instant lastAttempt;
    private Instant lastSuccess;
    private String lastProblem;

    public CachedFeed(Feed feed, FeedFetcher fetcher) {
        this.feed = feed;
        this.fetcher = fetcher;
        this.series = new TimeSeries(feed.id(), feed.kind().measure(), Optional.empty(), List.of());
    }

    public Feed feed() {
        return feed;
    }

    /** Fetches when never tried or when {@code refresh} has passed since the last attempt. */
    public synchronized void refreshIfDue(Instant now) throws InterruptedException {
        if (lastAttempt != null && Duration.between(lastAttempt, now).compareTo(feed.refresh()) < 0) {
            return;
        }
        lastAttempt = now;
        try {
            TimeSeries fresh = check(feed.format().read(fetcher.fetch(now), feed.id()));
            series = merge(series, fresh, now.minus(KEEP));
            lastSuccess = now;
            lastProblem = null;
        } catch (FeedUnavailableException | SeriesFormatException e) {
            lastProblem = e.getMessage();
            LOG.warn("feed {}: {}", feed.id(), e.getMessage());
        }
    }

    private TimeSeries check(TimeSeries s) {
        if (s.measure() != feed.kind().measure()) {
            throw new FeedUnavailableException(feed.id() + ": gives " + s.measure().name().toLowerCase()
                    + ", a " + feed.kind().name().toLowerCase() + " feed needs " + feed.kind().measure().canonicalUnit());
        }
        if (s.measure() == Measure.PRICE && s.currency().isEmpty()) {
            throw new FeedUnavailableException(feed.id() + ": a price without a currency");
        }
        if (s.measure() == Measure.PRICE && series.currency().isPresent() && !series.currency().equals(s.currency())) {
            throw new FeedUnavailableException(feed.id() + ": currency changed from " + series.currency().get()
                    + " to " + s.currency().get());
        }
        return s;
    }

    /** Old values outside the new answer's span, then the new answer; nothing before {@code keepFrom}. */
    static TimeSeries merge(TimeSeries old, TimeSeries fresh, Instant keepFrom) {
        if (fresh.isEmpty()) {
            return old;
        }
        Instant from = fresh.first().orElseThrow();
        Instant to = fresh.last().orElseThrow();
        List<TimeSeries.Interval> out = new ArrayList<>();
        for (TimeSeries.Interval v : old.intervals()) {
            if (v.end().isAfter(keepFrom) && (!v.end().isAfter(from) || !v.start().isBefore(to))) {
                out.add(v);
            }
        }
        out.addAll(fresh.intervals());
        out.sort(java.util.Comparator.comparing(TimeSeries.Interval::start));
        List<TimeSeries.Interval> clean = new ArrayList<>();
        for (TimeSeries.Interval v : out) {
            if (clean.isEmpty() || !v.start().isBefore(clean.get(clean.size() - 1).end())) {
                clean.add(v);
            }
        }
        return new TimeSeries(fresh.name(), fresh.measure(), fresh.currency().or(old::currency), clean);
    }

    /** What is known, as of the last good answer (for a repeated file: replayed over {@code [from, to)}). */
    public synchronized TimeSeries series(Instant from, Instant to) {
        return feed.repeat() ? Repeat.over(series, from, to) : series;
    }

    public synchronized Provenance provenance(Instant now) {
        String where = switch (feed.location()) {
            case Feed.FileLocation f -> "file " + f.path().getFileName();
            case Feed.HttpLocation h -> h.url().hostAndPath();
        };
        String source = "feed " + feed.id() + " (" + feed.format().key() + ", " + where
                + (feed.repeat() ? ", repeated every " + Repeat.period(series).toDays() + " d" : "") + ")";
        return new Provenance(source, Optional.ofNullable(lastSuccess), freshness(now));
    }

    private Freshness freshness(Instant now) {
        if (lastSuccess == null) {
            return new Freshness.Unavailable(lastProblem == null ? "not fetched yet" : lastProblem);
        }
        Duration age = Duration.between(lastSuccess, now);
        if (age.compareTo(feed.staleAfter()) > 0) {
            return new Freshness.Stale(age, feed.staleAfter(), lastProblem == null ? "not refreshed" : lastProblem);
        }
        return new Freshness.Fresh(Optional.ofNullable(lastProblem));
    }
}
