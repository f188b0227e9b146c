package io.kelvin.greenpower.dr.baseline;

import io.kelvin.core.telemetry.Aggregate;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.TelemetryStore;
import io.kelvin.core.telemetry.TimeValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads metered load from the {@link TelemetryStore} port as a {@link LoadHistory}: the mean kW of each
 * step, summed over the given power points (a resource's meters). A step where any point has no data is
 * a gap, never a partial sum.
 */
public final class StoredLoad {

    private StoredLoad() {
    }

    public static LoadHistory read(TelemetryStore store, List<PointId> points, Instant from, Instant to, Duration step) {
        List<List<TimeValue>> series = new ArrayList<>();
        for (PointId point : points) {
            series.add(store.range(point, from, to, step, Aggregate.MEAN));
        }
        List<TimeValue> summed = new ArrayList<>();
        int steps = series.isEmpty() ? 0 : series.stream().mapToInt(List::size).min().orElse(0);
        for (int i = 0; i < steps; i++) {
            double total = 0;
            for (List<TimeValue> s : series) {
                total += s.get(i).value();
            }
            summed.add(new TimeValue(series.getFirst().get(i).time(), total));
        }
        return new LoadHistory(summed, step);
    }
}
