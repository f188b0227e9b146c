package io.kelvin.collectors.store.influxdb;

import io.kelvin.core.telemetry.Aggregate;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Quality;
import java.time.Duration;
import java.time.Instant;

/**
 * The InfluxQL this adapter sends. Tag values travel as bound parameters; identifiers (database,
 * measurement, field) cannot be bound, so they are double-quoted after checking them against
 * {@link PointId#ID} (lower-case letters, digits, '-' and '_': nothing that could close a quote).
 */
final class InfluxQl {

    static final String QUALITY_SUFFIX = "_quality";

    private InfluxQl() {
    }

    static void checkIdentifier(String what, String text) {
        if (text == null || !PointId.ID.matcher(text).matches()) {
            throw new IllegalArgumentException(what + " '" + text + "' must match " + PointId.ID.pattern());
        }
    }

    static String quoted(String identifier) {
        checkIdentifier("identifier", identifier);
        return '"' + identifier + '"';
    }

    static String createDatabase(String database) {
        return "CREATE DATABASE " + quoted(database);
    }

    /** The newest row that has the point's value or quality; binds {@code $site} and {@code $device}. */
    static String latest(String measurement, PointId point) {
        return "SELECT " + quoted(point.point()) + ", " + quoted(point.point() + QUALITY_SUFFIX)
                + " FROM " + quoted(measurement) + deviceFilter() + " ORDER BY time DESC LIMIT 1";
    }

    /**
     * One aggregate per step of {@code [from, to)}: GROUP BY buckets are shifted by
     * {@code from mod step} so they start exactly at the requested steps.
     */
    static String range(String measurement, PointId point, Instant from, Instant to, Duration step,
            Aggregate aggregate) {
        long stepMs = step.toMillis();
        long offsetMs = Math.floorMod(from.toEpochMilli(), stepMs);
        return "SELECT " + function(aggregate) + "(" + quoted(point.point()) + ") FROM " + quoted(measurement)
                + deviceFilter() + " AND time >= " + nanos(from) + " AND time < " + nanos(to)
                + " GROUP BY time(" + stepMs + "ms, " + offsetMs + "ms) fill(none)";
    }

    /**
     * Two statements over the steps of {@code [from, to)}: sum and count of all the point's values,
     * then of those written with a quality field (not GOOD). InfluxQL cannot select rows where a field
     * is missing, so GOOD sums are the difference; binds {@code $site} and {@code $device}.
     */
    static String goodSums(String measurement, PointId point, Instant from, Instant to, Duration step) {
        String field = quoted(point.point());
        String select = "SELECT sum(" + field + "), count(" + field + ") FROM " + quoted(measurement) + deviceFilter()
                + " AND time >= " + nanos(from) + " AND time < " + nanos(to);
        String groupBy = groupBy(from, step);
        return select + groupBy + "; " + select + " AND " + quoted(point.point() + QUALITY_SUFFIX) + " =~ /./" + groupBy;
    }

    /**
     * The last value of each step with the quality field of the same row; binds {@code $site} and
     * {@code $device}.
     */
    static String lastWithQuality(String measurement, PointId point, Instant from, Instant to, Duration step) {
        return "SELECT last(" + quoted(point.point()) + "), " + quoted(point.point() + QUALITY_SUFFIX)
                + " FROM " + quoted(measurement) + deviceFilter() + " AND time >= " + nanos(from)
                + " AND time < " + nanos(to) + groupBy(from, step);
    }

    /**
     * How many of the point's rows in each step of {@code [from, to)} are POLL_OVERRUN markers (steps
     * without any are left out); binds {@code $site} and {@code $device}.
     */
    static String pollOverrunCounts(String measurement, PointId point, Instant from, Instant to, Duration step) {
        String quality = quoted(point.point() + QUALITY_SUFFIX);
        return "SELECT count(" + quality + ") FROM " + quoted(measurement) + deviceFilter() + " AND " + quality
                + " = '" + Quality.POLL_OVERRUN.name() + "' AND time >= " + nanos(from) + " AND time < " + nanos(to)
                + groupBy(from, step);
    }

    private static String groupBy(Instant from, Duration step) {
        long stepMs = step.toMillis();
        return " GROUP BY time(" + stepMs + "ms, " + Math.floorMod(from.toEpochMilli(), stepMs) + "ms) fill(none)";
    }

    private static String deviceFilter() {
        return " WHERE \"site\" = $site AND \"device\" = $device";
    }

    private static String function(Aggregate aggregate) {
        return switch (aggregate) {
            case MEAN -> "mean";
            case MIN -> "min";
            case MAX -> "max";
            case LAST -> "last";
        };
    }

    private static long nanos(Instant time) {
        return Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000_000L), time.getNano());
    }
}
