package io.kelvin.core.series.feeds;

import io.kelvin.core.series.SeriesProblems;
import io.kelvin.core.series.TimeSeries;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.w3c.dom.Element;

/** One {@code Period} of an ENTSO-E TimeSeries as intervals (see {@link EntsoePricesXml} for the curve types). */
final class EntsoePeriod {

    record Result(Duration resolution, List<TimeSeries.Interval> intervals) {
    }

    private EntsoePeriod() {
    }

    static Optional<Result> read(Element period, String path, boolean variableBlocks, SeriesProblems problems) {
        Optional<Element> interval = Xml.child(period, "timeInterval");
        if (interval.isEmpty()) {
            problems.add(path + ".timeInterval", "is missing");
            return Optional.empty();
        }
        Optional<Instant> start = Xml.text(interval.get(), "start")
                .flatMap(t -> EntsoePricesXml.instant(t, path + ".timeInterval.start", problems));
        Optional<Instant> end = Xml.text(interval.get(), "end")
                .flatMap(t -> EntsoePricesXml.instant(t, path + ".timeInterval.end", problems));
        Optional<Duration> resolution = resolution(period, path, problems);
        if (start.isEmpty() || end.isEmpty() || resolution.isEmpty()) {
            return Optional.empty();
        }
        Duration span = Duration.between(start.get(), end.get());
        if (!span.isPositive() || span.toMillis() % resolution.get().toMillis() != 0) {
            problems.add(path + ".timeInterval", "must be a positive whole number of " + resolution.get() + " steps, was "
                    + start.get() + " .. " + end.get());
            return Optional.empty();
        }
        int steps = (int) (span.toMillis() / resolution.get().toMillis());
        TreeMap<Integer, Double> points = points(period, path, steps, problems);
        List<TimeSeries.Interval> out = new ArrayList<>();
        for (var e : points.entrySet()) {
            int first = e.getKey();
            Integer next = points.higherKey(first);
            int last = variableBlocks ? (next == null ? steps + 1 : next) : first + 1;
            Instant a = start.get().plus(resolution.get().multipliedBy(first - 1));
            Instant b = start.get().plus(resolution.get().multipliedBy(last - 1));
            out.add(new TimeSeries.Interval(a, b, EntsoePricesXml.perKwh(e.getValue())));
        }
        return Optional.of(new Result(resolution.get(), out));
    }

    private static Optional<Duration> resolution(Element period, String path, SeriesProblems problems) {
        Optional<String> text = Xml.text(period, "resolution");
        if (text.isEmpty()) {
            problems.add(path + ".resolution", "is missing");
            return Optional.empty();
        }
        try {
            Duration d = Duration.parse(text.get());
            if (!d.isPositive()) {
                throw new DateTimeParseException("not positive", text.get(), 0);
            }
            return Optional.of(d);
        } catch (DateTimeParseException e) {
            problems.add(path + ".resolution", "'" + text.get() + "' is not a duration like PT15M or PT60M");
            return Optional.empty();
        }
    }

    private static TreeMap<Integer, Double> points(Element period, String path, int steps, SeriesProblems problems) {
        TreeMap<Integer, Double> out = new TreeMap<>();
        List<Element> points = Xml.children(period, "Point");
        for (int i = 0; i < points.size(); i++) {
            String at = path + ".Point[" + (i + 1) + "]";
            Optional<String> pos = Xml.text(points.get(i), "position");
            Optional<String> amount = Xml.text(points.get(i), "price.amount");
            if (pos.isEmpty() || amount.isEmpty()) {
                problems.add(at, "needs position and price.amount");
                continue;
            }
            try {
                int position = Integer.parseInt(pos.get());
                double price = Double.parseDouble(amount.get());
                if (position < 1 || position > steps) {
                    problems.add(at + ".position", "must be 1.." + steps + " for this period, was " + position);
                } else if (!Double.isFinite(price)) {
                    problems.add(at + ".price.amount", "must be a finite number, was " + amount.get());
                } else if (out.put(position, price) != null) {
                    problems.add(at + ".position", "position " + position + " appears twice");
                }
            } catch (NumberFormatException e) {
                problems.add(at, "position '" + pos.get() + "' or price.amount '" + amount.get() + "' is not a number");
            }
        }
        return out;
    }
}
