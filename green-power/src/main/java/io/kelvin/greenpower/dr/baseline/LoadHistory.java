package io.kelvin.greenpower.dr.baseline;

import io.kelvin.core.telemetry.TimeValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NavigableMap;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Metered load as mean kW per step of fixed length (what {@code TelemetryStore.range} returns with
 * {@code Aggregate.MEAN}): step start (UTC) to value; a gap (NaN or no entry) is missing data, never a
 * zero.
 */
public final class LoadHistory {

    private final NavigableMap<Instant, Double> values = new TreeMap<>();
    private final Duration step;

    public LoadHistory(List<TimeValue> series, Duration step) {
        this.step = step;
        for (TimeValue v : series) {
            if (!v.isGap()) {
                values.put(v.time(), v.value());
            }
        }
    }

    public Duration step() {
        return step;
    }

    /** The value of the step starting at {@code at}, if measured. */
    public OptionalDouble at(Instant at) {
        Double value = values.get(at);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    /** Mean over the steps starting in {@code [from, to)}; empty when any step is missing. */
    public OptionalDouble mean(Instant from, Instant to) {
        double sum = 0;
        int n = 0;
        for (Instant t = from; t.isBefore(to); t = t.plus(step)) {
            OptionalDouble v = at(t);
            if (v.isEmpty()) {
                return OptionalDouble.empty();
            }
            sum += v.getAsDouble();
            n++;
        }
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / n);
    }
}
