package io.kelvin.collectors.bench;

import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Quality;
import io.kelvin.core.telemetry.Sample;
import io.kelvin.core.telemetry.SampleSink;
import io.kelvin.core.telemetry.TelemetryStore;
import io.kelvin.testkit.ForwardingTelemetryStore;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts what the collectors produce (before the StoreWriter) and what the store took (after each
 * write returned), and the age of each stored sample: store-write return time minus source time,
 * in a 10 ms-bucket histogram up to 120 s.
 */
final class BenchMeter {

    private static final int BUCKET_MS = 10;
    private static final int BUCKETS = 12_000;

    private static final int RECENT = 64;

    private final Map<PointId, long[]> recentSourceMs = new ConcurrentHashMap<>();
    private final AtomicLong produced = new AtomicLong();
    private final AtomicLong repeats = new AtomicLong();
    private final AtomicLong withoutValue = new AtomicLong();
    private final AtomicLong overrunMarkers = new AtomicLong();
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong storedInWindow = new AtomicLong();
    private final AtomicLongArray ages = new AtomicLongArray(BUCKETS);
    private volatile long windowStartMs = Long.MAX_VALUE;
    private volatile long windowEndMs = Long.MAX_VALUE;

    /** Counts and forwards; a sample with the same point and source time (ms) as one of the point's last 64 is a repeat. */
    SampleSink counting(SampleSink next) {
        return samples -> {
            for (Sample sample : samples) {
                if (!Double.isFinite(sample.value())) {
                    // stored as a <point>_quality field only (no float); e.g. COMM_FAILED when sessions close,
                    // POLL_OVERRUN for each point of a skipped poll cycle
                    withoutValue.incrementAndGet();
                    if (sample.quality() == Quality.POLL_OVERRUN) {
                        overrunMarkers.incrementAndGet();
                    }
                    continue;
                }
                if (seenBefore(sample.point(), sample.sourceTime().toEpochMilli())) {
                    repeats.incrementAndGet();
                }
            }
            produced.addAndGet(samples.size());
            next.accept(samples);
        };
    }

    /**
     * Whether the point had a sample with this source time (ms) among its last {@value #RECENT};
     * slot 0 of the ring holds the next write position.
     */
    private boolean seenBefore(PointId point, long ms) {
        long[] ring = recentSourceMs.computeIfAbsent(point, p -> {
            long[] fresh = new long[RECENT + 1];
            java.util.Arrays.fill(fresh, Long.MIN_VALUE);
            fresh[0] = 0;
            return fresh;
        });
        synchronized (ring) {
            for (int i = 1; i <= RECENT; i++) {
                if (ring[i] == ms) {
                    return true;
                }
            }
            int next = (int) ring[0];
            ring[next + 1] = ms;
            ring[0] = (next + 1) % RECENT;
            return false;
        }
    }

    /** Samples stored from now until {@link #endWindow()} count towards the sustained rate and the ages. */
    void startWindow() {
        windowStartMs = System.currentTimeMillis();
    }

    void endWindow() {
        windowEndMs = System.currentTimeMillis();
    }

    double windowSeconds() {
        return (windowEndMs - windowStartMs) / 1000.0;
    }

    long produced() {
        return produced.get();
    }

    /** Samples without a finite value (NaN), which the store keeps only as a quality field. */
    /** POLL_OVERRUN markers among {@link #withoutValue()}: they are no data, so neither rate nor ages count them. */
    long overrunMarkers() {
        return overrunMarkers.get();
    }

    long withoutValue() {
        return withoutValue.get();
    }

    /** Samples whose point and source time repeat an earlier sample's: the store overwrites them. */
    long repeats() {
        return repeats.get();
    }

    long stored() {
        return stored.get();
    }

    long storedInWindow() {
        return storedInWindow.get();
    }

    /** The q-quantile (0..1) of stored sample ages in the window, in seconds. */
    double ageQuantile(double q) {
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            total += ages.get(i);
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += ages.get(i);
            if (seen >= rank && total > 0) {
                return (i + 1) * BUCKET_MS / 1000.0;
            }
        }
        return Double.NaN;
    }

    TelemetryStore measuring(TelemetryStore store) {
        return new ForwardingTelemetryStore(store) {
            @Override
            protected void observe(Collection<Sample> samples) {
                long now = System.currentTimeMillis();
                stored.addAndGet(samples.size());
                if (now < windowStartMs || now > windowEndMs) {
                    return;
                }
                for (Sample sample : samples) {
                    if (sample.quality() == Quality.POLL_OVERRUN) {
                        continue;
                    }
                    storedInWindow.incrementAndGet();
                    long age = Math.max(0, now - sample.sourceTime().toEpochMilli()) / BUCKET_MS;
                    ages.incrementAndGet((int) Math.min(BUCKETS - 1, age));
                }
            }
        };
    }
}
