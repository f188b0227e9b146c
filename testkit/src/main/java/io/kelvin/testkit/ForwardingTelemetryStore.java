package io.kelvin.testkit;

import io.kelvin.core.telemetry.Aggregate;
import io.kelvin.core.telemetry.EnergyIntegral;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Sample;
import io.kelvin.core.telemetry.StepMean;
import io.kelvin.core.telemetry.TelemetryStore;
import io.kelvin.core.telemetry.TimeValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A store that forwards everything to a real one; tests extend it to observe writes
 * ({@link #write} calls the real store first, then {@link #observe}).
 */
public abstract class ForwardingTelemetryStore implements TelemetryStore {

    private final TelemetryStore store;

    protected ForwardingTelemetryStore(TelemetryStore store) {
        this.store = store;
    }

    /** Called with every batch the real store took. */
    protected abstract void observe(Collection<Sample> samples);

    @Override
    public final void write(Collection<Sample> samples) {
        store.write(samples);
        observe(samples);
    }

    @Override
    public Optional<Sample> latest(PointId point) {
        return store.latest(point);
    }

    @Override
    public List<TimeValue> range(PointId point, Instant from, Instant to, Duration step, Aggregate aggregate) {
        return store.range(point, from, to, step, aggregate);
    }

    @Override
    public List<StepMean> goodMeans(PointId point, Instant from, Instant to, Duration step) {
        return store.goodMeans(point, from, to, step);
    }

    @Override
    public List<TimeValue> goodReadings(PointId point, Instant from, Instant to, Duration step) {
        return store.goodReadings(point, from, to, step);
    }

    @Override
    public List<Instant> pollOverrunSteps(PointId point, Instant from, Instant to, Duration step) {
        return store.pollOverrunSteps(point, from, to, step);
    }

    @Override
    public EnergyIntegral energy(PointId powerPoint, Instant from, Instant to) {
        return store.energy(powerPoint, from, to);
    }

    @Override
    public void close() {
        store.close();
    }
}
