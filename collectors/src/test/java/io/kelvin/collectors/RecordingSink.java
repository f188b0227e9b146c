package io.kelvin.collectors;

import io.kelvin.core.telemetry.LatestValues;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Quality;
import io.kelvin.core.telemetry.Sample;
import io.kelvin.core.telemetry.SampleSink;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A thread-safe sink that keeps every sample and the latest one per point. */
public final class RecordingSink implements SampleSink {

    private final List<Sample> all = new CopyOnWriteArrayList<>();
    private final LatestValues latest = new LatestValues();

    @Override
    public void accept(List<Sample> samples) {
        all.addAll(samples);
        samples.forEach(latest::accept);
    }

    public Optional<Sample> latest(PointId point) {
        return latest.get(point);
    }

    public LatestValues latestValues() {
        return latest;
    }

    public boolean saw(PointId point, Quality quality) {
        return all.stream().anyMatch(s -> s.point().equals(point) && s.quality() == quality);
    }

    public List<Sample> all() {
        return List.copyOf(all);
    }
}
