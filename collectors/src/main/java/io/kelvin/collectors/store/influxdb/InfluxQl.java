package io.kelvin.collectors.store.influxdb;

import io.kelvin.core.telemetry.Aggregate;
import io.kelvin.core.telemetry.PointId;
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
