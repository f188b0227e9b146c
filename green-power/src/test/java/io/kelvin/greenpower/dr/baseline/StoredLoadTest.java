package io.kelvin.greenpower.dr.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.core.telemetry.Aggregate;
import io.kelvin.core.telemetry.EnergyIntegral;
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
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoredLoadTest {

    private static final Instant T0 = Instant.parse("2026-07-01T00:00:00Z");
    private static final PointId A = PointId.parse("meter-a.active_power_kw");
    private static final PointId B = PointId.parse("meter-b.active_power_kw");

    /** A store that answers range queries from fixed hourly means (NaN = no data), as the port defines. */
    private static final class FixedStore implements TelemetryStore {
        private final Map<PointId, double[]> hourly;

        FixedStore(Map<PointId, double[]> hourly) {
            this.hourly = hourly;
        }

        @Override
        public List<TimeValue> range(PointId point, Instant from, Instant to, Duration step, Aggregate aggregate) {
            List<TimeValue> out = new ArrayList<>();
            for (Instant t = from; t.isBefore(to); t = t.plus(step)) {
                int h = (int) Duration.between(T0, t).toHours();
                double[] v = hourly.get(point);
                out.add(new TimeValue(t, h >= 0 && h < v.length ? v[h] : Double.NaN));
            }
            return out;
        }

        @Override
        public void write(Collection<Sample> samples) {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public Optional<Sample> latest(PointId point) {
            return Optional.empty();
        }

        @Override
        public List<StepMean> goodMeans(PointId point, Instant from, Instant to, Duration step) {
            return range(point, from, to, step, Aggregate.MEAN).stream()
                    .map(t -> t.isGap() ? StepMean.gap(t.time()) : new StepMean(t.time(), t.value(), step)).toList();
        }

        @Override
        public List<TimeValue> goodReadings(PointId point, Instant from, Instant to, Duration step) {
            return range(point, from, to, step, Aggregate.LAST);
        }

        @Override
        public EnergyIntegral energy(PointId powerPoint, Instant from, Instant to) {
            throw new UnsupportedOperationException("not needed");
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aResourcesLoadIsTheSumOfItsMetersAndAStepMissingOnOneMeterIsAGap() {
        TelemetryStore store = new FixedStore(Map.of(A, new double[] {100, 200, 300}, B, new double[] {10, Double.NaN, 30}));

        LoadHistory load = StoredLoad.read(store, List.of(A, B), T0, T0.plus(Duration.ofHours(3)), Duration.ofHours(1));

        assertThat(load.at(T0)).hasValue(110);
        assertThat(load.at(T0.plus(Duration.ofHours(1)))).isEmpty();
        assertThat(load.at(T0.plus(Duration.ofHours(2)))).hasValue(330);
        // A mean over a range with a gap is no mean at all: gaps are never zeros.
        assertThat(load.mean(T0, T0.plus(Duration.ofHours(3)))).isEmpty();
    }
}
