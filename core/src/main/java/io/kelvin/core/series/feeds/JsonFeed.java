package io.kelvin.core.series.feeds;

import io.kelvin.core.series.SeriesProblems;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.kelvin.core.series.TimeSeries;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Shared reading of JSON feed answers: parse with positions, times and numbers with their paths. */
final class JsonFeed {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private JsonFeed() {
    }

    static JsonNode parse(byte[] body, SeriesProblems problems) {
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw problems.fatal("", "is empty, expected JSON");
            }
            return root;
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            throw problems.fatal(where, "is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw problems.fatal("", "cannot be read: " + e.getMessage());
        }
    }

    /** An ISO-8601 instant or offset date-time ({@code 2023-06-08T00:00:00Z}, {@code ...+00:00}, {@code ...T12:00Z}). */
    static Optional<Instant> time(JsonNode node, String field, String path, SeriesProblems problems) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            problems.add(path + "." + field, "is missing");
            return Optional.empty();
        }
        if (!v.isTextual()) {
            problems.add(path + "." + field, "must be an ISO-8601 time, was " + v);
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(v.asText()));
        } catch (DateTimeParseException notInstant) {
            try {
                return Optional.of(OffsetDateTime.parse(v.asText()).toInstant());
            } catch (DateTimeParseException e) {
                problems.add(path + "." + field, "'" + v.asText() + "' is not an ISO-8601 time with a zone");
                return Optional.empty();
            }
        }
    }

    /** A finite number; {@code null} or absent is a gap (empty) when {@code nullIsGap}, else a problem. */
    static Optional<Double> number(JsonNode node, String field, String path, boolean nullIsGap, SeriesProblems problems) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (!nullIsGap) {
                problems.add(path + "." + field, "is missing");
            }
            return Optional.empty();
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            problems.add(path + "." + field, "must be a number, was " + v);
            return Optional.empty();
        }
        return Optional.of(v.asDouble());
    }

    /** A point in time with its value (or a gap) and where it was in the answer. */
    record Point(Instant at, Optional<Double> value, String path) {
    }

    /**
     * Intervals from points that each label the start of their interval: each lasts {@code resolution}, or,
     * when that is empty, the smallest spacing between points (one lone point: {@code fallback}). Points out
     * of order or repeated are problems; gaps are left out.
     */
    static List<TimeSeries.Interval> intervals(List<Point> points, Optional<Duration> resolution, Duration fallback,
                                               SeriesProblems problems) {
        Duration smallest = null;
        for (int i = 1; i < points.size(); i++) {
            Duration d = Duration.between(points.get(i - 1).at(), points.get(i).at());
            if (!d.isPositive()) {
                problems.add(points.get(i).path(), "time " + points.get(i).at() + " is not after the one before ("
                        + points.get(i - 1).at() + ")");
            } else if (smallest == null || d.compareTo(smallest) < 0) {
                smallest = d;
            }
        }
        Duration length = resolution.orElse(smallest == null ? fallback : smallest);
        List<TimeSeries.Interval> out = new ArrayList<>();
        if (problems.any()) {
            return out;
        }
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            Instant end = p.at().plus(length);
            if (i + 1 < points.size() && end.isAfter(points.get(i + 1).at())) {
                problems.add(p.path(), "lasts " + length + " and so overlaps the next point at " + points.get(i + 1).at());
                continue;
            }
            p.value().ifPresent(v -> out.add(new TimeSeries.Interval(p.at(), end, v)));
        }
        return out;
    }

    /** The text of an error answer ({@code {"error": ...}} or {@code {"message": ...}} without data), if it is one. */
    static Optional<String> errorText(JsonNode root, String... dataFields) {
        if (!root.isObject()) {
            return Optional.empty();
        }
        for (String f : dataFields) {
            if (root.has(f)) {
                return Optional.empty();
            }
        }
        for (String f : List.of("error", "message", "detail")) {
            JsonNode e = root.get(f);
            if (e != null && !e.isNull()) {
                return Optional.of(e.isTextual() ? e.asText() : e.toString());
            }
        }
        return Optional.empty();
    }
}
