package io.kelvin.collectors.pipeline;

import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Sample;
import io.kelvin.core.telemetry.TelemetryStore;
import io.kelvin.testkit.ForwardingTelemetryStore;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wraps a real store and counts, per point, samples that reached the store with a source time
 * before one the store had already taken: with in-order replay there are none.
 */
final class OrderRecordingStore extends ForwardingTelemetryStore {

    private final Map<PointId, Instant> newest = new ConcurrentHashMap<>();
    private final AtomicLong outOfOrder = new AtomicLong();

    OrderRecordingStore(TelemetryStore store) {
        super(store);
    }

    long outOfOrder() {
        return outOfOrder.get();
    }

    @Override
    protected void observe(Collection<Sample> samples) {
        for (Sample sample : samples) {
            Instant before = newest.put(sample.point(), sample.sourceTime());
            if (before != null && !sample.sourceTime().isAfter(before)) {
                outOfOrder.incrementAndGet();
            }
        }
    }
}
