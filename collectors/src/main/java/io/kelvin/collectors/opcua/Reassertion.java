package io.kelvin.collectors.opcua;

import io.kelvin.core.site.Device;
import io.kelvin.core.site.PointDef;
import io.kelvin.core.telemetry.Quality;
import io.kelvin.core.telemetry.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * "Unchanged" is not "missing": a subscription reports a value only when it changes, so a steady
 * point would leave no sample for minutes and stores would show it as a gap. While the subscription
 * still vouches for the values (a publish response, with data or a keep-alive, arrived within
 * {@link #aliveWindow}), each point whose newest value was GOOD is re-asserted, stamped with Kelvin's
 * clock, once per its poll interval without news (first one interval plus half a publishing interval
 * after the last news, so a change due in the next publish is not pre-empted; then on the interval's
 * grid),
 * as a polled point would be read again.
 * Nothing is re-asserted once the publish responses stop, the session is lost ({@link #forget}) or
 * the newest value is not GOOD: those are real gaps.
 *
 * <p>Fed from Milo's threads ({@link #heard}, {@link #delivered}); {@link #due} runs on the device thread.
 */
final class Reassertion {

    /** The newest value of a point and when it is next due, on a grid of the point's interval from its last news. */
    private record Held(Sample sample, Instant due) {
    }

    private final Device device;
    private final Map<PointDef, Held> held = new ConcurrentHashMap<>();
    private volatile Instant lastHeard;
    private volatile Duration aliveWindow = Duration.ofSeconds(10);
    /** Half a publishing interval: a change on its way in the next publish is not pre-empted by a re-assertion. */
    private volatile Duration grace = Duration.ofMillis(500);

    Reassertion(Device device) {
        this.device = device;
    }

    /**
     * A new subscription publishing every {@code publishingInterval} with a keep-alive at least every
     * {@code maxKeepAliveCount} intervals: it vouches for its values while a publish response arrived
     * within two keep-alive periods.
     */
    void subscribed(Duration publishingInterval, long maxKeepAliveCount, Instant now) {
        aliveWindow = publishingInterval.multipliedBy(Math.max(1, maxKeepAliveCount) * 2);
        grace = publishingInterval.dividedBy(2);
        lastHeard = now;
    }

    /** A publish response (data or keep-alive) arrived: the subscription is alive. */
    void heard(Instant now) {
        lastHeard = now;
    }

    /** Values the server gave (initial read, a publish, a poll): the newest per point. */
    void delivered(List<PointDef> points, List<Sample> samples, Instant now) {
        for (int i = 0; i < points.size(); i++) {
            held.put(points.get(i), new Held(samples.get(i), now.plus(device.profile().interval(points.get(i))).plus(grace)));
        }
    }

    /** When the next point is due, if any is held. */
    java.util.Optional<Instant> nextDue() {
        return held.values().stream().filter(h -> h.sample().quality() == Quality.GOOD).map(Held::due)
                .min(Instant::compareTo);
    }

    /** The session or subscription is gone: nothing is vouched for until new values arrive. */
    void forget() {
        held.clear();
        lastHeard = null;
    }

    /** GOOD samples re-asserting every steady point due at {@code now}; empty while the subscription is silent. */
    List<Sample> due(Instant now) {
        Instant heard = lastHeard;
        if (heard == null || heard.plus(aliveWindow).isBefore(now)) {
            return List.of();
        }
        List<Sample> out = new ArrayList<>();
        for (PointDef point : held.keySet()) {
            held.computeIfPresent(point, (p, h) -> {
                if (h.sample().quality() != Quality.GOOD || h.due().isAfter(now)) {
                    return h;
                }
                out.add(new Sample(h.sample().point(), h.sample().value(), Quality.GOOD, now, now));
                Duration interval = device.profile().interval(p);
                Instant next = h.due().plus(interval);
                // on the grid, unless this round came more than an interval late
                return new Held(h.sample(), next.isAfter(now) ? next : now.plus(interval));
            });
        }
        return out;
    }
}
