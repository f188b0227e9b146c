package io.kelvin.collectors.modbus;

import io.kelvin.collectors.HealthTracker;
import io.kelvin.core.control.WriteFailedException;
import io.kelvin.core.retry.Backoff;
import io.kelvin.core.site.Device;
import io.kelvin.core.telemetry.Sample;
import io.kelvin.core.telemetry.SampleSink;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Modbus TCP connection (host, port), shared by every unit id behind it and driven by one
 * thread of its own, so a slow gateway delays only its own devices. Each device's poll classes run
 * at their interval on that thread; writes are queued onto it too. A request that got no usable
 * answer (timeout, bad frame) drops the socket, and the next request opens a fresh one at once, so
 * a stray late frame can never be taken for the next answer. Only a failed connect waits: capped
 * backoff (1 s doubling to 30 s), during which polls yield COMM_FAILED without touching the network.
 * A unit that stops answering is isolated by its own {@link UnitBreaker}.
 *
 * <p>Each device brings its profile's quirks: its own request timeout, a quiet pause on the connection
 * before each of its requests, and optionally a close of the connection after each of its polls.
 * Devices whose profile discovers its points (SunSpec) are polled only once discovery succeeded;
 * a failed discovery is retried with capped backoff ({@code reconnectMin} doubling to
 * {@code unitProbeMax}).
 */
public final class ModbusConnection implements AutoCloseable {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    /**
     * At most this many skipped cycles of one stall are marked (the newest): a longer stall (a suspended
     * machine) would otherwise flood the store; the span before them is still a gap, and health counts all.
     */
    static final int MAX_MARKED_CYCLES = 600;
    private static final Duration WRITE_WAIT = Duration.ofSeconds(15);
    private static final Logger LOG = LoggerFactory.getLogger(ModbusConnection.class);

    private final String name;
    private final ModbusIo io;
    private final InstantSource clock;
    private final SampleSink sink;
    private final ScheduledExecutorService thread;
    private final List<ModbusDevice> devices = new ArrayList<>();
    private final Backoff backoff;
    private final Duration unitProbeMin;
    private final Duration unitProbeMax;
    private final Duration timeout;
    private long nextAttemptNanos = System.nanoTime();
    private long lastRequestDoneNanos = System.nanoTime();
    private HealthTracker.Failure down = new HealthTracker.Failure("not connected", "not connected yet");
    private boolean closedAfterPoll;

    /**
     * @param unitProbeMin first wait before probing a unit whose breaker opened; doubles per failed probe
     * @param unitProbeMax cap of that wait
     */
    public ModbusConnection(String host, int port, Duration timeout, Backoff backoff,
                            Duration unitProbeMin, Duration unitProbeMax, InstantSource clock, SampleSink sink) {
        this.name = host + ":" + port;
        this.io = new ModbusIo(host, port, timeout);
        this.timeout = timeout;
        this.backoff = backoff;
        this.unitProbeMin = unitProbeMin;
        this.unitProbeMax = unitProbeMax;
        this.clock = clock;
        this.sink = sink;
        this.thread = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("modbus-" + name).factory());
    }

    /** Adds a device (a unit id on this connection); call before {@link #start()}. */
    public ModbusDevice attach(Device device) {
        ModbusDevice attached = new ModbusDevice(device, this, new UnitBreaker(unitProbeMin, unitProbeMax),
                new Backoff(unitProbeMin, unitProbeMax), clock);
        devices.add(attached);
        return attached;
    }

    /** Schedules every device's polls, one task per distinct interval, after discovery where needed; returns at once. */
    public void start() {
        for (ModbusDevice device : devices) {
            if (device.needsDiscovery()) {
                thread.execute(() -> discoverSafely(device));
            } else {
                schedulePolls(device);
            }
        }
    }

    private void schedulePolls(ModbusDevice device) {
        for (Duration interval : device.plan().intervals()) {
            thread.execute(new PollCycle(device, interval, System.nanoTime()));
        }
    }

    /**
     * One device's polls of one interval, on a fixed time grid. When a poll (or the sink taking its
     * samples: a full store queue back-pressures here) runs past the next grid tick, the cycles whose
     * tick has passed are skipped, not run back to back, counted as overruns in the device's health,
     * and marked: each skipped cycle's points get a POLL_OVERRUN sample without a value at the cycle's
     * grid time (the newest {@link #MAX_MARKED_CYCLES} of them), so stored history shows the gap and
     * why. The next poll starts on the next tick still ahead.
     */
    private final class PollCycle implements Runnable {
        private final ModbusDevice device;
        private final Duration interval;
        private final long periodNanos;
        private long dueNanos;

        PollCycle(ModbusDevice device, Duration interval, long firstDueNanos) {
            this.device = device;
            this.interval = interval;
            this.periodNanos = Math.max(1, interval.toNanos());
            this.dueNanos = firstDueNanos;
        }

        @Override
        public void run() {
            Optional<Instant> newestRead = pollSafely(device, interval);
            long now = System.nanoTime();
            long next = dueNanos + periodNanos;
            if (now - next > 0) {
                long missed = (now - next) / periodNanos + 1;
                device.healthTracker().overran(missed);
                LOG.debug("modbus {}: poll of {} every {} ms overran; {} cycles skipped", name, device.deviceId(),
                        interval.toMillis(), missed);
                markSkipped(next, missed, now, newestRead);
                next += missed * periodNanos;
            }
            dueNanos = next;
            try {
                thread.schedule(this, Math.max(0, next - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                LOG.debug("modbus {} closed; polls of {} stop", name, device.deviceId());
            }
        }

        /**
         * Hands the markers of the skipped cycles from {@code firstTick} on to the sink, on the clock's time line.
         * A tick at or before the newest sample this poll read, to the millisecond the store keeps, is left
         * unmarked: the poll ran through it (it started late), and a marker there would share the sample's stored
         * time and label a value that was read as a gap.
         */
        private void markSkipped(long firstTick, long missed, long nowNanos, Optional<Instant> newestRead) {
            Instant at = clock.instant();
            long marked = Math.min(missed, MAX_MARKED_CYCLES);
            List<Instant> ticks = new ArrayList<>((int) marked);
            long readMillis = newestRead.map(Instant::toEpochMilli).orElse(Long.MIN_VALUE);
            for (long k = missed - marked; k < missed; k++) {
                Instant tick = at.minusNanos(nowNanos - (firstTick + k * periodNanos));
                if (tick.toEpochMilli() > readMillis) {
                    ticks.add(tick);
                }
            }
            try {
                List<Sample> markers = device.overrunMarkers(interval, ticks, at);
                if (!markers.isEmpty()) {
                    sink.accept(markers);
                }
            } catch (RuntimeException e) {
                LOG.error("overrun markers of {} (every {} ms) failed unexpectedly", device.deviceId(),
                        interval.toMillis(), e);
            }
        }
    }

    private void discoverSafely(ModbusDevice device) {
        try {
            Optional<Duration> retry = device.discover(this);
            if (retry.isEmpty()) {
                schedulePolls(device);
            } else {
                thread.schedule(() -> discoverSafely(device), retry.get().toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (RejectedExecutionException e) {
            LOG.debug("modbus {} closed during discovery of {}", name, device.deviceId());
        } catch (RuntimeException e) {
            // A bug in discovery must not end the device for good: log and try again later.
            LOG.error("discovery of {} failed unexpectedly", device.deviceId(), e);
            thread.schedule(() -> discoverSafely(device), unitProbeMax.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Polls and hands the samples on; the newest source time among them, empty when none (or the poll failed). */
    private Optional<Instant> pollSafely(ModbusDevice device, Duration interval) {
        Optional<Instant> newest = Optional.empty();
        try {
            List<Sample> samples = device.poll(interval, this);
            newest = samples.stream().map(Sample::sourceTime).max(Instant::compareTo);
            if (!samples.isEmpty()) {
                sink.accept(samples);
            }
            if (device.quirks().closeAfterPoll() && io.isConnected()) {
                io.disconnect();
                closedAfterPoll = true;
            }
        } catch (RuntimeException e) {
            // A periodic task that throws is never run again; log and keep the schedule alive.
            LOG.error("poll of {} (every {} ms) failed unexpectedly", device.deviceId(), interval.toMillis(), e);
        }
        return newest;
    }

    /**
     * Waits until {@code pause} has passed since the last request on this connection ended (answered
     * or not). Returns false when interrupted (the connection is closing). Connection thread only.
     */
    boolean pauseBefore(Duration pause) {
        long waitNanos = lastRequestDoneNanos + pause.toNanos() - System.nanoTime();
        if (pause.isZero() || waitNanos <= 0) {
            return true;
        }
        try {
            Thread.sleep(Duration.ofNanos(waitNanos));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Marks the end of a request, from which the next device's pause is counted. Connection thread only. */
    void requestDone() {
        lastRequestDoneNanos = System.nanoTime();
    }

    /** The request timeout for {@code device}: its profile's, else this connection's. */
    Duration timeoutFor(ModbusDevice device) {
        return device.quirks().timeout().orElse(timeout);
    }

    /** Whether the socket is open, opening it when the backoff allows. Connection thread only. */
    boolean ensureConnected() {
        if (io.isConnected()) {
            return true;
        }
        if (System.nanoTime() - nextAttemptNanos < 0) {
            return false;
        }
        try {
            io.connect();
            backoff.reset();
            devices.forEach(d -> d.healthTracker().connected());
            if (closedAfterPoll) {
                LOG.debug("modbus {} connected again after a close-after-poll", name);
            } else {
                LOG.info("modbus {} connected", name);
            }
            closedAfterPoll = false;
            return true;
        } catch (ModbusIoFailure e) {
            markDown(e);
            return false;
        }
    }

    /**
     * Drops the socket after a request got no usable answer; the next request reconnects at once
     * (the peer was reachable a moment ago). Connection thread only.
     */
    void dropConnection(ModbusIoFailure failure) {
        io.disconnect();
        if (!failure.getMessage().equals(down.message())) {
            LOG.warn("modbus {}: {}; reconnecting", name, failure.getMessage());
        }
        down = new HealthTracker.Failure(failure.code(), failure.getMessage());
    }

    /** A connect failed: wait for the backoff. Device health follows from the failed polls (debounced). */
    private void markDown(ModbusIoFailure failure) {
        Duration wait = backoff.next();
        nextAttemptNanos = System.nanoTime() + wait.toNanos();
        if (!failure.getMessage().equals(down.message()) || backoff.failures() == 1) {
            LOG.warn("modbus {} down: {} (retry in {} ms)", name, failure.getMessage(), wait.toMillis());
        }
        down = new HealthTracker.Failure(failure.code(), failure.getMessage());
    }

    /** Monotonic time for the unit breakers. */
    long nowNanos() {
        return System.nanoTime();
    }

    /** Why the connection is down, in the socket's words and Kelvin's. */
    HealthTracker.Failure down() {
        return down;
    }

    ModbusIo io() {
        return io;
    }

    InstantSource clock() {
        return clock;
    }

    /** Runs {@code work} on the connection thread and waits for it; used by writes. */
    <T> T call(String what, ModbusWork<T> work) {
        Future<T> future = thread.submit(() -> {
            if (!ensureConnected()) {
                throw new WriteFailedException(what + ": " + name + " is down: " + down.message());
            }
            try {
                return work.run(io);
            } catch (ModbusIoFailure e) {
                if (e.connectionLost()) {
                    dropConnection(e);
                }
                throw new WriteFailedException(what + ": " + e.getMessage(), e);
            }
        });
        return await(what, future);
    }

    private static <T> T await(String what, Future<T> future) {
        try {
            return future.get(WRITE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new WriteFailedException(what + ": interrupted", e);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new WriteFailedException(what + ": no answer within " + WRITE_WAIT.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WriteFailedException failed) {
                throw failed;
            }
            throw new WriteFailedException(what + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    public List<ModbusDevice> devices() {
        return List.copyOf(devices);
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.warn("modbus {} thread did not stop within 2 s", name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        io.disconnect();
    }

    @FunctionalInterface
    interface ModbusWork<T> {
        T run(ModbusIo io) throws ModbusIoFailure;
    }
}
