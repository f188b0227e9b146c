package io.kelvin.core.series.feeds;

import io.kelvin.core.series.SeriesProblems;
import com.fasterxml.jackson.databind.JsonNode;
import io.kelvin.core.series.Measure;
import io.kelvin.core.series.TimeSeries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an answer of the GB Carbon Intensity API (api.carbonintensity.org.uk, NESO; API definitions at
 * carbon-intensity.github.io/api-definitions): national {@code /intensity...} answers
 * ({@code {"data": [{"from", "to", "intensity": {"forecast", "actual", "index"}}]}}) and one region's
 * {@code /regional/regionid/N} or {@code /regional/intensity/.../regionid/N} answers, where the periods sit
 * under {@code data[0].data} or {@code data.data}. Each period is {@code [from, to)}, usually half an hour;
 * intensities are gCO2/kWh. {@link Value#ACTUAL_ELSE_FORECAST} takes the measured {@code actual} where the API
 * has one and the {@code forecast} elsewhere; {@link Value#FORECAST} takes only forecasts. An answer with
 * several regions is refused: ask for one region.
 */
public final class CarbonIntensityUkJson {

    /** Which number of a period to read. */
    public enum Value { ACTUAL_ELSE_FORECAST, FORECAST }

    private CarbonIntensityUkJson() {
    }

    public static TimeSeries parse(byte[] body, String source, Value value) {
        SeriesProblems problems = new SeriesProblems(source);
        JsonNode root = JsonFeed.parse(body, problems);
        if (!root.isObject()) {
            throw problems.fatal("", "must be a JSON object");
        }
        if (root.has("error")) {
            JsonNode e = root.get("error");
            throw problems.fatal("error", "the API answered with an error: "
                    + e.path("code").asText("") + " " + e.path("message").asText(e.toString()));
        }
        if (!root.has("data")) {
            throw problems.fatal("", "has no data: not a Carbon Intensity API answer");
        }
        String path = "data";
        JsonNode periods = root.get("data");
        if (periods.isObject() && periods.has("data")) {
            path = "data.data";
            periods = periods.get("data");
        } else if (periods.isArray() && !periods.isEmpty() && (periods.get(0).has("regionid") || periods.get(0).has("regions"))) {
            if (periods.size() > 1 || periods.get(0).has("regions")) {
                throw problems.fatal("data", "holds several regions; ask for one (/regional/regionid/N)");
            }
            path = "data[0].data";
            periods = periods.get(0).path("data");
        }
        if (!periods.isArray()) {
            throw problems.fatal(path, "must be a list of periods");
        }
        List<TimeSeries.Interval> intervals = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            String at = path + "[" + i + "]";
            period(periods.get(i), at, value, problems).ifPresent(v -> add(intervals, v, at, problems));
        }
        problems.throwIfAny();
        return new TimeSeries(source, Measure.CARBON_INTENSITY, Optional.empty(), intervals);
    }

    private static Optional<TimeSeries.Interval> period(JsonNode p, String path, Value value, SeriesProblems problems) {
        if (!p.isObject()) {
            problems.add(path, "must be an object");
            return Optional.empty();
        }
        Optional<Instant> from = JsonFeed.time(p, "from", path, problems);
        Optional<Instant> to = JsonFeed.time(p, "to", path, problems);
        JsonNode intensity = p.path("intensity");
        if (!intensity.isObject()) {
            problems.add(path + ".intensity", "is missing");
            return Optional.empty();
        }
        Optional<Double> forecast = JsonFeed.number(intensity, "forecast", path + ".intensity", true, problems);
        Optional<Double> actual = value == Value.ACTUAL_ELSE_FORECAST
                ? JsonFeed.number(intensity, "actual", path + ".intensity", true, problems) : Optional.empty();
        Optional<Double> chosen = actual.or(() -> forecast);
        if (from.isEmpty() || to.isEmpty() || chosen.isEmpty()) {
            return Optional.empty();
        }
        if (!to.get().isAfter(from.get())) {
            problems.add(path + ".to", "must be after from (" + from.get() + "), was " + to.get());
            return Optional.empty();
        }
        if (chosen.get() < 0) {
            problems.add(path + ".intensity", "must not be negative, was " + chosen.get());
            return Optional.empty();
        }
        return Optional.of(new TimeSeries.Interval(from.get(), to.get(), chosen.get()));
    }

    private static void add(List<TimeSeries.Interval> out, TimeSeries.Interval next, String path, SeriesProblems problems) {
        if (!out.isEmpty() && next.start().isBefore(out.get(out.size() - 1).end())) {
            problems.add(path, "period from " + next.start() + " overlaps or precedes the one before");
            return;
        }
        out.add(next);
    }
}
