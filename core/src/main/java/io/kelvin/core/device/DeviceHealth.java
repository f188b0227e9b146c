package io.kelvin.core.device;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of one device's health as the collector sees it. {@code lastError} is the newest error
 * in the device's own words (it stays after recovery, with its time, so a flapping device can be
 * understood). {@code lastSuccess} is the time of the newest answered read, {@code lastGoodSample}
 * of the newest GOOD value of any point (collector clock). {@code readsOk} and {@code readsFailed}
 * count reads since start (Modbus: requests; OPC UA: node reads and notifications). {@code points}
 * lists every point that has been read, in profile order. {@code pollOverruns} counts the poll cycles
 * that could not start on time since start (the previous poll, or the store taking its samples, was
 * still running): acquisition slowed down instead of dropping samples; each skipped cycle is marked in the
 * store as {@code POLL_OVERRUN} at its grid time. {@code pollOverrunsLastMinute} counts those of the last
 * 60 s and {@code lastPollOverrun} is the collector clock's time of the newest, so an engineer sees whether
 * it is happening now.
 */
public record DeviceHealth(String device, DeviceState state, Optional<DeviceError> lastError,
                           Optional<Instant> lastSuccess, Optional<Instant> lastGoodSample, long readsOk,
                           long readsFailed, List<PointHealth> points, DeviceInfo info, long pollOverruns,
                           long pollOverrunsLastMinute, Optional<Instant> lastPollOverrun) {

    /** A device without poll overruns. */
    public DeviceHealth(String device, DeviceState state, Optional<DeviceError> lastError,
                        Optional<Instant> lastSuccess, Optional<Instant> lastGoodSample, long readsOk,
                        long readsFailed, List<PointHealth> points, DeviceInfo info) {
        this(device, state, lastError, lastSuccess, lastGoodSample, readsOk, readsFailed, points, info, 0, 0,
                Optional.empty());
    }

    public DeviceHealth {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(lastSuccess, "lastSuccess");
        Objects.requireNonNull(lastGoodSample, "lastGoodSample");
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(lastPollOverrun, "lastPollOverrun");
        if (pollOverrunsLastMinute < 0 || pollOverrunsLastMinute > pollOverruns) {
            throw new IllegalArgumentException("poll overruns of the last minute (" + pollOverrunsLastMinute
                    + ") must be between 0 and all poll overruns (" + pollOverruns + ")");
        }
        points = List.copyOf(points);
    }

    public Optional<PointHealth> point(String name) {
        return points.stream().filter(p -> p.point().equals(name)).findFirst();
    }
}
