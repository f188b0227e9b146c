package io.kelvin.collectors;

import io.kelvin.core.device.DeviceError;
import io.kelvin.core.device.DeviceHealth;
import io.kelvin.core.device.DeviceInfo;
import io.kelvin.core.device.DeviceState;
import io.kelvin.core.device.PointHealth;
import io.kelvin.core.telemetry.Quality;
import io.kelvin.core.telemetry.Sample;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Mutable, thread-safe health of one device. A read is named by a key (a Modbus request, an OPC UA
 * node). The state is debounced: DOWN before the first connection, while disconnected (OPC UA
 * session lost), or after {@link #DOWN_AFTER} reads in a row went unanswered; UP again after one
 * answered read; in between DEGRADED while any key's latest attempt failed. A refusal (the device
 * answered "no", e.g. a Modbus exception response) degrades but never counts towards DOWN. Every
 * error is kept with the device's own code and the clock's time; every sample updates its point's
 * quality and reason ({@link #observe}).
 */
public final class HealthTracker {

    /** Unanswered reads in a row after which a device is DOWN. */
    public static final int DOWN_AFTER = 3;

    /** What went wrong: the device's or link's own words ({@code code}) and Kelvin's account ({@code message}). */
    public record Failure(String code, String message) {
        public Failure {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }

    /** How far back {@link DeviceHealth#pollOverrunsLastMinute()} counts. */
    public static final Duration OVERRUN_WINDOW = Duration.ofMinutes(1);

    private record Overrun(Instant at, long cycles) {
    }

    private final String device;
    private final InstantSource clock;
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    /** Overruns of the last {@link #OVERRUN_WINDOW}, oldest first; guards {@link #overruns} and {@link #lastOverrun} too. */
    private final ArrayDeque<Overrun> recentOverruns = new ArrayDeque<>();
    private long overruns;
    private Instant lastOverrun;
    private final AtomicInteger unansweredInARow = new AtomicInteger();
    private final Map<String, PointHealth> points = new LinkedHashMap<>();
    private volatile boolean connected;
    private volatile DeviceError lastError;
    private volatile Instant lastSuccess;
    private volatile Instant lastGood;

    public HealthTracker(String device, InstantSource clock) {
        this.device = device;
        this.clock = clock;
    }

    public void readSucceeded(String key, Instant at) {
        ok.incrementAndGet();
        failing.remove(key);
        unansweredInARow.set(0);
        lastSuccess = at;
    }

    /** A read that got no answer (no connection, timeout, bad frame): counts towards DOWN. */
    public void readFailed(String key, Failure failure) {
        failed.incrementAndGet();
        failing.add(key);
        unansweredInARow.incrementAndGet();
        lastError = error(failure);
    }

    /** A read the device answered with a refusal: DEGRADED, and proof that the device is there. */
    public void readRefused(String key, Failure failure) {
        failed.incrementAndGet();
        failing.add(key);
        unansweredInARow.set(0);
        lastError = error(failure);
    }

    public void connected() {
        connected = true;
    }

    public void disconnected(Failure failure) {
        connected = false;
        lastError = error(failure);
    }

    public boolean isConnected() {
        return connected;
    }

    /**
     * Records a sample's quality for its point, with {@code reason} (the device's words where it gave
     * any) when the quality is not GOOD.
     */
    public void observe(Sample sample, Optional<String> reason) {
        String point = sample.point().point();
        Instant at = sample.collectedAt();
        synchronized (points) {
            PointHealth before = points.get(point);
            boolean good = sample.quality() == Quality.GOOD;
            Instant since = before != null && before.quality() == sample.quality() ? before.since() : at;
            Optional<Instant> lastGoodOfPoint = good ? Optional.of(at)
                    : before != null ? before.lastGood() : Optional.empty();
            points.put(point, new PointHealth(point, sample.quality(), good ? Optional.empty() : reason, since,
                    lastGoodOfPoint));
            if (good && (lastGood == null || at.isAfter(lastGood))) {
                lastGood = at;
            }
        }
    }

    public void observe(List<Sample> samples, Optional<String> reason) {
        samples.forEach(s -> observe(s, reason));
    }

    /**
     * {@code cycles} poll cycles could not start on time (the poll or its hand-over to the sink ran long);
     * noted at the clock's time, for the count of the last minute and the time of the newest.
     */
    public void overran(long cycles) {
        if (cycles <= 0) {
            return;
        }
        Instant at = clock.instant();
        synchronized (recentOverruns) {
            overruns += cycles;
            recentOverruns.addLast(new Overrun(at, cycles));
            forgetOverrunsBefore(at.minus(OVERRUN_WINDOW));
            lastOverrun = at;
        }
    }

    public long overruns() {
        synchronized (recentOverruns) {
            return overruns;
        }
    }

    /** The clock's time of the newest poll overrun, if any. */
    public Optional<Instant> lastPollOverrun() {
        synchronized (recentOverruns) {
            return Optional.ofNullable(lastOverrun);
        }
    }

    /** Poll cycles skipped within the last {@link #OVERRUN_WINDOW} before the clock's now. */
    public long overrunsLastMinute() {
        synchronized (recentOverruns) {
            forgetOverrunsBefore(clock.instant().minus(OVERRUN_WINDOW));
            return recentOverruns.stream().mapToLong(Overrun::cycles).sum();
        }
    }

    /** All overruns, those of the last minute and the newest one's time, read together so they agree. */
    private record OverrunCounts(long total, long lastMinute, Optional<Instant> last) {
    }

    private OverrunCounts overrunCounts() {
        synchronized (recentOverruns) {
            return new OverrunCounts(overruns, overrunsLastMinute(), Optional.ofNullable(lastOverrun));
        }
    }

    private void forgetOverrunsBefore(Instant cutoff) {
        while (!recentOverruns.isEmpty() && !recentOverruns.peekFirst().at().isAfter(cutoff)) {
            recentOverruns.removeFirst();
        }
    }

    public DeviceHealth snapshot(DeviceInfo info) {
        DeviceState state = !connected || unansweredInARow.get() >= DOWN_AFTER ? DeviceState.DOWN
                : failing.isEmpty() ? DeviceState.UP : DeviceState.DEGRADED;
        List<PointHealth> pointList;
        synchronized (points) {
            pointList = new ArrayList<>(points.values());
        }
        OverrunCounts overrunCounts = overrunCounts();
        return new DeviceHealth(device, state, Optional.ofNullable(lastError), Optional.ofNullable(lastSuccess),
                Optional.ofNullable(lastGood), ok.get(), failed.get(), pointList, info, overrunCounts.total(),
                overrunCounts.lastMinute(), overrunCounts.last());
    }

    private DeviceError error(Failure failure) {
        return new DeviceError(failure.code(), failure.message(), clock.instant());
    }
}
