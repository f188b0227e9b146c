package io.kelvin.collectors.opcua;

import io.kelvin.core.site.PointDef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which polled points are due when: each point is read every sampling interval of its profile (at
 * least {@link #MIN_INTERVAL}, so a sampling interval of 0, "as fast as the server can", does not spin).
 * Pure bookkeeping, driven by the device thread's clock; not thread-safe.
 */
final class Polling {

    static final Duration MIN_INTERVAL = Duration.ofMillis(100);

    private final Map<PointDef, Instant> nextDue = new LinkedHashMap<>();
    private long overruns;

    /** Starts polling {@code points}, first read one interval after {@code now} (the caller has just read them). */
    void start(Collection<PointDef> points, Instant now) {
        points.forEach(p -> nextDue.put(p, now.plus(interval(p))));
    }

    void stop() {
        nextDue.clear();
    }

    boolean isActive() {
        return !nextDue.isEmpty();
    }

    /**
     * The points due at {@code now}; each is scheduled again one interval after its due time (or after
     * now, if late). A round late by whole intervals counts them as overruns (the most of any point).
     */
    List<PointDef> due(Instant now) {
        List<PointDef> due = new ArrayList<>();
        long[] late = {0};
        nextDue.replaceAll((point, at) -> {
            if (at.isAfter(now)) {
                return at;
            }
            due.add(point);
            late[0] = Math.max(late[0], Duration.between(at, now).toNanos() / interval(point).toNanos());
            Instant next = at.plus(interval(point));
            return next.isAfter(now) ? next : now.plus(interval(point));
        });
        overruns += late[0];
        return due;
    }

    /** Poll cycles skipped since the last call because reads came late by whole intervals; resets the count. */
    long takeOverruns() {
        long taken = overruns;
        overruns = 0;
        return taken;
    }

    /** When the next point falls due, if any is polled. */
    Optional<Instant> next() {
        return nextDue.values().stream().min(Instant::compareTo);
    }

    private static Duration interval(PointDef point) {
        Duration sampling = point.monitoring().samplingInterval();
        return sampling.compareTo(MIN_INTERVAL) < 0 ? MIN_INTERVAL : sampling;
    }
}
