package io.kelvin.collectors.pipeline;

import io.kelvin.core.telemetry.Aggregate;
import io.kelvin.core.telemetry.EnergyIntegral;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Sample;
import io.kelvin.core.telemetry.TelemetryStore;
import io.kelvin.core.telemetry.TimeValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wraps a real store and counts, per point, samples that reached the store with a source time
 * before one the store had already taken: with in-order replay there are none.
 */
final class OrderRecordingStore implements TelemetryStore {

    private final TelemetryStore store;
    private final Map<PointId, Instant> newest = new ConcurrentHashMap<>();
    private final AtomicLong outOfOrder = new AtomicLong();

    OrderRecordingStore(TelemetryStore store) {
        this.store = store;
    }

    long outOfOrder() {
        return outOfOrder.get();
    }

    @Override
    public void write(Collection<Sample> samples) {
        store.write(samples);
        for (Sample sample : samples) {
            Instant before = newest.put(sample.point(), sample.sourceTime());
            if (before != null && !sample.sourceTime().isAfter(before)) {
                outOfOrder.incrementAndGet();
            }
        }
    }

    @Override
    public Optional<Sample> latest(PointId point) {
        return store.latest(point);
    }

    @Override
    public List<TimeValue> range(PointId point, Instant from, Instant to, Duration step, Aggregate aggregate) {
        return store.range(point, from, to, step, aggregate);
    }

    @Override
    public EnergyIntegral energy(PointId powerPoint, Instant from, Instant to) {
        return store.energy(powerPoint, from, to);
    }

    @Override
    public void close() {
        store.close();
    }
}
