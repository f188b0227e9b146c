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
 * samples of quality {@link Quality#GOOD} (what an audit may rely on). Both answer at the store's
 * resolution; {@link #goodMeans} also says how much of each step its GOOD data covers.
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
     * The mean of the point's GOOD values in each step of {@code [from, to)}, one per {@code step}
     * starting at {@code from}, with how much of the step they cover ({@link StepMean}); a step
     * without a GOOD value is a gap.
     */
    List<StepMean> goodMeans(PointId point, Instant from, Instant to, Duration step);

    /**
     * A GOOD reading of the point from each step of {@code [from, to)} (for counters): the step's
     * last GOOD value, or {@code NaN} when the step has none. A store that cannot tell the last GOOD
     * value from the last value may answer {@code NaN} for a step whose last sample is not GOOD
     * (InfluxDB); it never answers a value that was not GOOD.
     */
    List<TimeValue> goodReadings(PointId point, Instant from, Instant to, Duration step);

    /**
     * The steps of {@code [from, to)} (one per {@code step} starting at {@code from}, as {@link #range})
     * that hold a {@link Quality#POLL_OVERRUN} marker of the point, oldest first: where a poll cycle was
     * skipped under overload, so history can tell those gaps from an outage. A store that keeps no
     * markers answers none.
     */
    default List<Instant> pollOverrunSteps(PointId point, Instant from, Instant to, Duration step) {
        return List.of();
    }

    /**
     * Time integral of the power point's GOOD data (kW) from {@code from} to {@code to}, in kWh, with
     * gaps disclosed: {@link EnergyIntegral#of} over {@link #goodMeans} on
     * {@link EnergyIntegral#stepFor} steps.
     */
    default EnergyIntegral energy(PointId powerPoint, Instant from, Instant to) {
        Duration step = EnergyIntegral.stepFor(from, to);
        return EnergyIntegral.of(goodMeans(powerPoint, from, to, step), step, from, to);
    }

    @Override
    void close();
}
