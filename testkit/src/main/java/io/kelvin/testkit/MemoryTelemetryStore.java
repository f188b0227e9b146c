package io.kelvin.testkit;

import io.kelvin.core.telemetry.Aggregate;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Sample;
import io.kelvin.core.telemetry.StepMean;
import io.kelvin.core.telemetry.TelemetryStore;
import io.kelvin.core.telemetry.TimeValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link TelemetryStore} in memory for tests of modules that read history (forecasts, reports) and must not depend
 * on the collectors' real stores. Samples are kept per point by source time (a rewrite overwrites); {@code range}
 * aggregates the samples inside each step, {@code NaN} where a step has none; every stored sample counts as GOOD,
 * so {@code goodMeans} and {@code goodReadings} fold the same samples and {@code energy} is the port's.
 */
public final class MemoryTelemetryStore implements TelemetryStore {

    private final Map<PointId, NavigableMap<Instant, Double>> points = new ConcurrentHashMap<>();

    @Override
    public void write(Collection<Sample> samples) {
        for (Sample s : samples) {
            points.computeIfAbsent(s.point(), p -> new TreeMap<>()).put(s.sourceTime(), s.value());
        }
    }

    /** Writes one value every {@code step} from {@code from}, as {@code valueAt} gives it (NaN = leave a gap). */
    public void fill(PointId point, Instant from, Instant to, Duration step, java.util.function.Function<Instant, Double> valueAt) {
        List<Sample> out = new ArrayList<>();
        for (Instant t = from; t.isBefore(to); t = t.plus(step)) {
            double v = valueAt.apply(t);
            if (!Double.isNaN(v)) {
                out.add(Sample.good(point, v, t));
            }
        }
        write(out);
    }

    @Override
    public Optional<Sample> latest(PointId point) {
        NavigableMap<Instant, Double> p = points.get(point);
        return p == null || p.isEmpty() ? Optional.empty()
                : Optional.of(Sample.good(point, p.lastEntry().getValue(), p.lastKey()));
    }

    @Override
    public List<TimeValue> range(PointId point, Instant from, Instant to, Duration step, Aggregate aggregate) {
        NavigableMap<Instant, Double> p = points.getOrDefault(point, new TreeMap<>());
        List<TimeValue> out = new ArrayList<>();
        for (Instant t = from; t.isBefore(to); t = t.plus(step)) {
            Collection<Double> inside = p.subMap(t, true, t.plus(step), false).values();
            out.add(new TimeValue(t, fold(inside, aggregate)));
        }
        return out;
    }

    private static double fold(Collection<Double> values, Aggregate aggregate) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        return switch (aggregate) {
            case MEAN -> values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            case MIN -> values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            case MAX -> values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            case LAST -> values.stream().reduce((a, b) -> b).orElseThrow();
        };
    }

    /** Every stored sample counts as GOOD; a step with samples counts as covered whole (the InfluxDB rule). */
    @Override
    public List<StepMean> goodMeans(PointId point, Instant from, Instant to, Duration step) {
        return range(point, from, to, step, Aggregate.MEAN).stream().map(t -> t.isGap() ? StepMean.gap(t.time())
                : new StepMean(t.time(), t.value(), Duration.between(t.time(), t.time().plus(step).isBefore(to)
                        ? t.time().plus(step) : to))).toList();
    }

    @Override
    public List<TimeValue> goodReadings(PointId point, Instant from, Instant to, Duration step) {
        return range(point, from, to, step, Aggregate.LAST);
    }

    @Override
    public void close() {
    }
}
