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
 *
 * <p>Two kinds of history: {@link #range} shows every stored value whatever its quality (what a
 * chart draws), while {@link #goodMeans}, {@link #goodReadings} and {@link #energy} count only
 * samples of quality {@link Quality#GOOD} (what an audit may rely on). For both, a step is
 * answered at the store's resolution: a step counts as holding data when the store holds data
 * inside it, and its value is then taken to hold over the whole step.
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

    /**
     * The time-weighted mean of the point's GOOD values in each step of {@code [from, to)}, one per
     * {@code step} starting at {@code from}; a step without a GOOD value is {@code NaN} (a gap).
     */
    List<TimeValue> goodMeans(PointId point, Instant from, Instant to, Duration step);

    /**
     * A GOOD reading of the point from each step of {@code [from, to)} (for counters): the step's
     * last GOOD value, or {@code NaN} when the step has none. A store that cannot tell the last GOOD
     * value from the last value may answer {@code NaN} for a step whose last sample is not GOOD
     * (InfluxDB); it never answers a value that was not GOOD.
     */
    List<TimeValue> goodReadings(PointId point, Instant from, Instant to, Duration step);

    /**
     * Time integral of the power point's GOOD data (kW) from {@code from} to {@code to}, in kWh, with
     * gaps disclosed: {@link EnergyIntegral#of} over {@link #goodMeans} on
     * {@link EnergyIntegral#stepFor} steps.
     */
    default EnergyIntegral energy(PointId powerPoint, Instant from, Instant to) {
        Duration step = EnergyIntegral.stepFor(from, to);
        return EnergyIntegral.of(goodMeans(powerPoint, from, to, step), step, to);
    }

    @Override
    void close();
}
