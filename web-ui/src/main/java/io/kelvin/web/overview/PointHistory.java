package io.kelvin.web.overview;

import io.kelvin.core.site.Site;
import io.kelvin.core.telemetry.Aggregate;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.TelemetryStore;
import io.kelvin.core.telemetry.TimeValue;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * History of one point from the store, as the REST API publishes it: one value per step ending now,
 * {@code null} for a step without data, with why: {@link Gap#POLL_OVERRUN} when the store holds a
 * skipped poll cycle of the point there (overload, not an outage), else {@link Gap#NO_DATA}. A step
 * with a value that also holds a skipped cycle says so in {@code pollOverrun}. Every parameter is checked; a bad one raises
 * {@link IllegalArgumentException} with a message naming it, and nothing is queried.
 */
public final class PointHistory {

    /** At most this many steps per request, so one call cannot ask the store for millions of rows. */
    public static final int MAX_STEPS = 10_000;
    static final long MAX_MINUTES = 400L * 24 * 60;

    public record Series(String point, String unit, String aggregate, long stepSeconds, List<Step> values) {
    }

    /** Why a step has no value. */
    public enum Gap {
        /** The store holds a POLL_OVERRUN marker there: acquisition skipped the poll cycle under overload. */
        POLL_OVERRUN,
        /** Nothing was stored, or only samples without a value (no answer, a bad value). */
        NO_DATA
    }

    /**
     * One step: {@code value} null for a gap, {@code gap} why (null when there is a value), and
     * {@code pollOverrun} whether the step holds a skipped poll cycle.
     */
    public record Step(String time, long epochSecond, Double value, Gap gap, boolean pollOverrun) {
    }

    private final Site site;
    private final TelemetryStore store;
    private final InstantSource clock;
    private final PointUnits units;

    public PointHistory(Site site, TelemetryStore store, InstantSource clock) {
        this.site = site;
        this.store = store;
        this.clock = clock;
        this.units = new PointUnits(site);
    }

    public Series history(String pointText, long minutes, long stepSeconds, String aggregateText) {
        PointId point = knownPoint(pointText);
        if (minutes < 1 || minutes > MAX_MINUTES) {
            throw new IllegalArgumentException("minutes must be 1.." + MAX_MINUTES + ", was " + minutes);
        }
        if (stepSeconds < 1 || minutes * 60 / stepSeconds > MAX_STEPS) {
            throw new IllegalArgumentException("step must be at least 1 s and give at most " + MAX_STEPS
                    + " steps (" + minutes + " minutes / " + stepSeconds + " s = " + minutes * 60 / Math.max(1, stepSeconds) + ")");
        }
        Aggregate aggregate = aggregate(aggregateText);
        Duration step = Duration.ofSeconds(stepSeconds);
        Instant to = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant from = to.minus(Duration.ofMinutes(minutes));
        Set<Instant> overruns = new HashSet<>(store.pollOverrunSteps(point, from, to, step));
        List<Step> values = store.range(point, from, to, step, aggregate).stream()
                .map(v -> step(v, overruns.contains(v.time()))).toList();
        return new Series(point.toString(), units.unitOf(point), aggregate.name().toLowerCase(Locale.ROOT),
                stepSeconds, values);
    }

    private PointId knownPoint(String text) {
        PointId point;
        try {
            point = PointId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("point: " + e.getMessage());
        }
        // Every known point has a unit (profiles require one; site totals have theirs): none means unknown.
        if (units.unitOf(point).isEmpty()) {
            throw new IllegalArgumentException("point '" + text + "' is not a point of site " + site.info().id());
        }
        return point;
    }

    private static Aggregate aggregate(String text) {
        try {
            return Aggregate.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("aggregate must be one of mean, min, max, last, was '" + text + "'");
        }
    }

    private static Step step(TimeValue value, boolean pollOverrun) {
        Gap gap = !value.isGap() ? null : pollOverrun ? Gap.POLL_OVERRUN : Gap.NO_DATA;
        return new Step(value.time().toString(), value.time().getEpochSecond(), value.isGap() ? null : value.value(),
                gap, pollOverrun);
    }
}
