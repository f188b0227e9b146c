package io.kelvin.greenpower.forecast;

import io.kelvin.core.site.Meter;
import io.kelvin.core.telemetry.Aggregate;
import io.kelvin.core.telemetry.StoreUnavailableException;
import io.kelvin.core.telemetry.TelemetryStore;
import io.kelvin.core.telemetry.TimeValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The sum of some meters' power (kW) per slot from the {@link TelemetryStore}: the mean of each meter over each slot,
 * added up; a slot where any meter has no data is {@code NaN} (a partial sum would look like a drop in output).
 */
final class MeterHistory {

    /** Values per slot, the end of the newest slot with data, and the store's problem if it failed. */
    record Result(double[] kw, Optional<Instant> newest, Optional<String> problem) {
    }

    private MeterHistory() {
    }

    static Result sum(TelemetryStore store, List<Meter> meters, Instant from, Duration step, int slots) {
        double[] sum = new double[slots];
        if (meters.isEmpty() || slots == 0) {
            Arrays.fill(sum, Double.NaN);
            return new Result(sum, Optional.empty(), Optional.empty());
        }
        Instant to = from.plus(step.multipliedBy(slots));
        try {
            for (Meter m : meters) {
                double[] own = new double[slots];
                Arrays.fill(own, Double.NaN);
                for (TimeValue v : store.range(m.point(), from, to, step, Aggregate.MEAN)) {
                    long index = Duration.between(from, v.time()).toMillis() / step.toMillis();
                    if (index >= 0 && index < slots) {
                        own[(int) index] = v.value();
                    }
                }
                for (int i = 0; i < slots; i++) {
                    sum[i] += own[i];
                }
            }
        } catch (StoreUnavailableException e) {
            Arrays.fill(sum, Double.NaN);
            return new Result(sum, Optional.empty(), Optional.of("telemetry store unavailable: " + e.getMessage()));
        }
        Optional<Instant> newest = Optional.empty();
        for (int i = slots - 1; i >= 0 && newest.isEmpty(); i--) {
            if (!Double.isNaN(sum[i])) {
                newest = Optional.of(from.plus(step.multipliedBy(i + 1L)));
            }
        }
        return new Result(sum, newest, Optional.empty());
    }
}
