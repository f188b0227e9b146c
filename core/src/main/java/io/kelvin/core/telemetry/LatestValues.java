package io.kelvin.core.telemetry;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live snapshot: the newest sample of every point, as the collectors saw it. Thread-safe;
 * readers get an immutable copy. A sample older than the one held (by source time) is ignored, so
 * out-of-order deliveries never move a point back in time; except that a sample Kelvin made itself
 * because the device gave none (COMM_FAILED, STALE, stamped with Kelvin's clock) gives way to any
 * device sample collected after it, since a device re-confirming an unchanged value after an outage
 * sends its old source time. A {@link Quality#POLL_OVERRUN} marker is history only: it never
 * replaces a reading here (the held reading grows old and goes STALE by {@link Freshness} instead).
 */
public final class LatestValues {

    private final Map<PointId, Sample> latest = new ConcurrentHashMap<>();

    public void accept(Sample sample) {
        if (sample.quality().isPollOverrun()) {
            return;
        }
        latest.merge(sample.point(), sample, (held, offered) -> replaces(offered, held) ? offered : held);
    }

    private static boolean replaces(Sample offered, Sample held) {
        if (!offered.sourceTime().isBefore(held.sourceTime())) {
            return true;
        }
        boolean heldIsKelvinMade = held.quality() == Quality.COMM_FAILED || held.quality() == Quality.STALE;
        return heldIsKelvinMade && !offered.collectedAt().isBefore(held.collectedAt());
    }

    public void acceptAll(Collection<Sample> samples) {
        samples.forEach(this::accept);
    }

    public Optional<Sample> get(PointId point) {
        return Optional.ofNullable(latest.get(point));
    }

    /** A sorted, immutable copy of every point's newest sample. */
    public SortedMap<PointId, Sample> snapshot() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(latest));
    }

    public int size() {
        return latest.size();
    }
}
