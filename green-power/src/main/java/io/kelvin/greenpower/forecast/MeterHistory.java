package io.kelvin.greenpower.forecast;

import io.kelvin.core.site.Meter;
import io.kelvin.core.telemetry.StoreUnavailableException;
import io.kelvin.core.telemetry.TelemetryStore;
import io.kelvin.greenpower.dr.baseline.LoadHistory;
import io.kelvin.greenpower.dr.baseline.StoredLoad;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The sum of some meters' power (kW) per slot from the {@link TelemetryStore}, read by {@link StoredLoad} (the same
 * reading the demand-response baselines use: the mean of each meter over each slot, added up; a slot where any meter
 * has no data is {@code NaN}, since a partial sum would look like a drop in output), as an array with the newest
 * measured slot and the store's problem if it failed.
 */
final class MeterHistory {

    /** Values per slot, the end of the newest slot with data, and the store's problem if it failed. */
    record Result(double[] kw, Optional<Instant> newest, Optional<String> problem) {
    }

    private MeterHistory() {
    }

    static Result sum(TelemetryStore store, List<Meter> meters, Instant from, Duration step, int slots) {
        double[] sum = new double[slots];
        Arrays.fill(sum, Double.NaN);
        if (meters.isEmpty() || slots == 0) {
            return new Result(sum, Optional.empty(), Optional.empty());
        }
        LoadHistory history;
        try {
            history = StoredLoad.read(store, meters.stream().map(Meter::point).toList(), from,
                    from.plus(step.multipliedBy(slots)), step);
        } catch (StoreUnavailableException e) {
            return new Result(sum, Optional.empty(), Optional.of("telemetry store unavailable: " + e.getMessage()));
        }
        Optional<Instant> newest = Optional.empty();
        for (int i = 0; i < slots; i++) {
            Instant start = from.plus(step.multipliedBy(i));
            OptionalDouble v = history.at(start);
            if (v.isPresent()) {
                sum[i] = v.getAsDouble();
                newest = Optional.of(start.plus(step));
            }
        }
        return new Result(sum, newest, Optional.empty());
    }
}
