package io.kelvin.core.series.feeds;

import io.kelvin.core.series.SeriesProblems;
import com.fasterxml.jackson.databind.JsonNode;
import io.kelvin.core.series.Measure;
import io.kelvin.core.series.SeriesUnit;
import io.kelvin.core.series.TimeSeries;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an Electricity Maps carbon-intensity answer (API v3, docs.electricitymaps.com, "Carbon intensity"):
 * {@code /carbon-intensity/history} ({@code {"zone", "history": [...]}}), {@code /forecast}
 * ({@code {"zone", "forecast": [...], "updatedAt"}}), {@code /past-range} ({@code {"zone", "data": [...]}})
 * and the single-point {@code /latest} and {@code /past} answers. Each point has {@code datetime} (the start of
 * its period, UTC) and {@code carbonIntensity} in gCO2eq/kWh ({@code null} is a gap). A period lasts what
 * {@code temporalGranularity} says ({@code 5_minutes}, {@code 15_minutes}, {@code hourly}) when the answer
 * has it, else the spacing of the points, else one hour (the API's default granularity).
 */
public final class ElectricityMapsJson {

    private static final List<String> ARRAYS = List.of("history", "forecast", "data");

    private ElectricityMapsJson() {
    }

    public static TimeSeries parse(byte[] body, String source) {
        SeriesProblems problems = new SeriesProblems(source);
        JsonNode root = JsonFeed.parse(body, problems);
        if (!root.isObject()) {
            throw problems.fatal("", "must be a JSON object");
        }
        Optional<String> error = JsonFeed.errorText(root, "history", "forecast", "data", "carbonIntensity");
        if (error.isPresent()) {
            throw problems.fatal("", "the feed answered with an error: " + error.get());
        }
        List<JsonFeed.Point> points = new ArrayList<>();
        String array = ARRAYS.stream().filter(root::has).findFirst().orElse(null);
        if (array != null) {
            JsonNode items = root.get(array);
            if (!items.isArray()) {
                throw problems.fatal(array, "must be a list");
            }
            for (int i = 0; i < items.size(); i++) {
                point(items.get(i), array + "[" + i + "]", problems).ifPresent(points::add);
            }
        } else if (root.has("datetime")) {
            point(root, "", problems).ifPresent(points::add);
        } else {
            throw problems.fatal("", "has none of history, forecast, data or datetime: not a carbon-intensity answer");
        }
        Optional<Duration> granularity = granularity(root, problems);
        List<TimeSeries.Interval> intervals = JsonFeed.intervals(points, granularity, Duration.ofHours(1), problems);
        problems.throwIfAny();
        return new TimeSeries(source, Measure.CARBON_INTENSITY, Optional.empty(), intervals);
    }

    private static Optional<JsonFeed.Point> point(JsonNode item, String path, SeriesProblems problems) {
        if (!item.isObject()) {
            problems.add(path, "must be an object");
            return Optional.empty();
        }
        var at = JsonFeed.time(item, "datetime", path, problems);
        var value = JsonFeed.number(item, "carbonIntensity", path, true, problems);
        if (value.isPresent() && value.get() < 0) {
            problems.add(path + ".carbonIntensity", "must not be negative, was " + value.get());
            return Optional.empty();
        }
        return at.map(t -> new JsonFeed.Point(t, value.map(SeriesUnit.G_PER_KWH::toCanonical), path));
    }

    private static Optional<Duration> granularity(JsonNode root, SeriesProblems problems) {
        JsonNode g = root.get("temporalGranularity");
        if (g == null || g.isNull()) {
            return Optional.empty();
        }
        return switch (g.asText()) {
            case "5_minutes" -> Optional.of(Duration.ofMinutes(5));
            case "15_minutes" -> Optional.of(Duration.ofMinutes(15));
            case "hourly" -> Optional.of(Duration.ofHours(1));
            default -> {
                problems.add("temporalGranularity", "'" + g.asText()
                        + "' is not a granularity Kelvin reads (5_minutes, 15_minutes, hourly)");
                yield Optional.empty();
            }
        };
    }
}
