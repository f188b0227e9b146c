package io.kelvin.core.series.feeds;

import io.kelvin.core.series.SeriesProblems;
import com.fasterxml.jackson.databind.JsonNode;
import io.kelvin.core.series.SeriesUnit;
import io.kelvin.core.series.TimeSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a WattTime answer (docs.watttime.org): API v3 {@code /v3/forecast}, {@code /v3/historical} and
 * {@code /v3/signal-index} ({@code {"data": [{"point_time", "value"}], "meta": {"units",
 * "data_point_period_seconds", ...}}}), v3 historical forecasts ({@code data[].forecast[]}: the newest
 * {@code generated_at} is read), and API v2 ({@code {"forecast": [...]}} or a bare list of points).
 * {@code point_time} starts its period; the period is {@code meta.data_point_period_seconds}, else the
 * spacing of the points, else 5 minutes (WattTime's MOER interval). Units from {@code meta.units}:
 * {@code lbs_co2_per_mwh} (the default, and all v2 answers), {@code g_co2_per_kwh}, {@code kg_co2_per_mwh}
 * give carbon intensity in gCO2/kWh; {@code percentile} (the signal index, 0-100) gives a fraction, which is
 * not an intensity and which a carbon input refuses.
 */
public final class WattTimeJson {

    private WattTimeJson() {
    }

    public static TimeSeries parse(byte[] body, String source) {
        SeriesProblems problems = new SeriesProblems(source);
        JsonNode root = JsonFeed.parse(body, problems);
        Optional<String> error = JsonFeed.errorText(root, "data", "forecast");
        if (error.isPresent()) {
            throw problems.fatal("", "the feed answered with an error: " + error.get());
        }
        JsonNode meta = root.path("meta");
        SeriesUnit unit = unit(meta, problems);
        String arrayPath;
        JsonNode items;
        if (root.isArray()) {
            arrayPath = "";
            items = root;
        } else if (root.has("data")) {
            arrayPath = "data";
            items = root.get("data");
        } else if (root.has("forecast")) {
            arrayPath = "forecast";
            items = root.get("forecast");
        } else {
            throw problems.fatal("", "has neither data nor forecast: not a WattTime answer");
        }
        if (!items.isArray()) {
            throw problems.fatal(arrayPath, "must be a list");
        }
        if (!items.isEmpty() && items.get(0).has("forecast")) {
            int newest = newestForecast(items, arrayPath, problems);
            arrayPath = arrayPath + "[" + newest + "].forecast";
            items = items.get(newest).get("forecast");
        }
        List<JsonFeed.Point> points = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String path = arrayPath + "[" + i + "]";
            JsonNode item = items.get(i);
            if (!item.isObject()) {
                problems.add(path, "must be an object");
                continue;
            }
            var at = JsonFeed.time(item, "point_time", path, problems);
            var value = JsonFeed.number(item, "value", path, true, problems);
            at.ifPresent(t -> points.add(new JsonFeed.Point(t, value.map(unit::toCanonical), path)));
        }
        Optional<Duration> period = period(meta, problems);
        List<TimeSeries.Interval> intervals = JsonFeed.intervals(points, period, Duration.ofMinutes(5), problems);
        problems.throwIfAny();
        return new TimeSeries(source, unit.measure(), Optional.empty(), intervals);
    }

    private static SeriesUnit unit(JsonNode meta, SeriesProblems problems) {
        String units = meta.path("units").asText("lbs_co2_per_mwh");
        return switch (units) {
            case "lbs_co2_per_mwh" -> SeriesUnit.LB_PER_MWH;
            case "g_co2_per_kwh", "kg_co2_per_mwh" -> SeriesUnit.G_PER_KWH;
            case "percentile" -> SeriesUnit.PERCENT;
            default -> throw problems.fatal("meta.units", "'" + units
                    + "' is not a unit Kelvin reads (lbs_co2_per_mwh, g_co2_per_kwh, kg_co2_per_mwh, percentile)");
        };
    }

    private static Optional<Duration> period(JsonNode meta, SeriesProblems problems) {
        JsonNode p = meta.get("data_point_period_seconds");
        if (p == null || p.isNull()) {
            return Optional.empty();
        }
        if (!p.canConvertToInt() || p.asInt() <= 0) {
            problems.add("meta.data_point_period_seconds", "must be a positive whole number, was " + p);
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(p.asInt()));
    }

    private static int newestForecast(JsonNode items, String path, SeriesProblems problems) {
        int newest = 0;
        Instant newestAt = Instant.MIN;
        for (int i = 0; i < items.size(); i++) {
            Optional<Instant> at = JsonFeed.time(items.get(i), "generated_at", path + "[" + i + "]", problems);
            if (at.isPresent() && at.get().isAfter(newestAt)) {
                newest = i;
                newestAt = at.get();
            }
        }
        if (!items.get(newest).path("forecast").isArray()) {
            throw problems.fatal(path + "[" + newest + "].forecast", "must be a list");
        }
        return newest;
    }
}
