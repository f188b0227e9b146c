package io.kelvin.core.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Port to the time-series store. Adapters: rrd4j (embedded default) and InfluxDB 1.x.
 *
 * <p>Writes are idempotent per (point, source time): writing a sample again overwrites, never
 * duplicates. Values are in the point's engineering unit; power points are in kW, so
 * {@link #energy} returns kWh.
 */
public interface TelemetryStore extends AutoCloseable {

    /**
     * Stores the samples. Throws {@link StoreUnavailableException} when the store cannot take them, in
     * which case none of them is assumed stored and the caller keeps them for a retry.
     */
    void write(Collection<Sample> samples);

    /** The newest stored sample of the point, if any. */
    Optional<Sample> latest(PointId point);

    /**
     * Values of the point from {@code from} (inclusive) to {@code to} (exclusive), one per
     * {@code step} starting at {@code from}; steps without data have a {@code NaN} value.
     */
    List<TimeValue> range(PointId point, Instant from, Instant to, Duration step, Aggregate aggregate);

    /** Time integral of the power point (kW) from {@code from} to {@code to}, in kWh, with gaps disclosed. */
    EnergyIntegral energy(PointId powerPoint, Instant from, Instant to);

    @Override
    void close();
}
