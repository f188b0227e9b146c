package io.kelvin.collectors.store.rrd4j;

import io.kelvin.collectors.store.StepGrid;
import io.kelvin.core.telemetry.Aggregate;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Sample;
import io.kelvin.core.telemetry.StepMean;
import io.kelvin.core.telemetry.StoreUnavailableException;
import io.kelvin.core.telemetry.TelemetryStore;
import io.kelvin.core.telemetry.TimeValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default store: one rrd4j file per point under a data dir
 * ({@code cdu-01/supply_temp_c.rrd}), made on the point's first write; the layout is in
 * {@link RrdLayout}. Everything survives a restart, including each point's newest sample with its
 * quality.
 *
 * <p><b>Time semantics and limits.</b> Resolution is 1 s: samples within one source second
 * overwrite each other. The newest second of every point is held in memory and committed when a
 * later second arrives or on {@link #flush()} / {@link #close()}, so rewriting it overwrites.
 * A sample at or before a point's last committed second cannot be stored (RRD updates only move
 * forward): it is dropped and counted in {@link #droppedOutOfOrder()}. A gap of up to the 120 s
 * heartbeat is filled with the next sample's value (RRD GAUGE semantics); longer gaps stay gaps.
 *
 * <p>Thread-safety: one writer thread, any number of reader threads.
 */
public final class RrdTelemetryStore implements TelemetryStore {

    private static final Logger LOG = LoggerFactory.getLogger(RrdTelemetryStore.class);

    private final Path dataDir;
    private final boolean readOnly;
    private final Map<PointId, RrdPoint> points = new ConcurrentHashMap<>();
    private final AtomicLong droppedOutOfOrder = new AtomicLong();
    private volatile boolean closed;

    private RrdTelemetryStore(Path dataDir, boolean readOnly) {
        this.dataDir = dataDir;
        this.readOnly = readOnly;
    }

    /** Opens (creating if needed) the store in {@code dataDir}; existing files are read lazily. */
    public static RrdTelemetryStore open(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot create rrd data dir " + dataDir, e);
        }
        return new RrdTelemetryStore(dataDir, false);
    }

    /**
     * Opens an existing store for reading only (reports over a stopped site's data): nothing under
     * {@code dataDir} is created or changed, and {@link #write} throws.
     */
    public static RrdTelemetryStore openReadOnly(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            throw new StoreUnavailableException("no rrd data dir at " + dataDir);
        }
        return new RrdTelemetryStore(dataDir, true);
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Samples refused because they were at or before their point's last committed second. */
    public long droppedOutOfOrder() {
        return droppedOutOfOrder.get();
    }

    @Override
    public void write(Collection<Sample> samples) {
        ensureOpen();
        if (readOnly) {
            throw new IllegalStateException("rrd store " + dataDir + " is open read-only");
        }
        for (Sample sample : samples) {
            RrdPoint point = points.computeIfAbsent(sample.point(), this::openOrFresh);
            try {
                if (!point.offer(sample)) {
                    droppedOutOfOrder.incrementAndGet();
                    LOG.debug("dropped {} at {}: not after the last stored second", sample.point(), sample.sourceTime());
                }
            } catch (IOException e) {
                throw new StoreUnavailableException("cannot write " + RrdLayout.fileOf(dataDir, sample.point()), e);
            }
        }
    }

    /** Commits every held-back newest sample; those seconds can then no longer be rewritten. */
    public void flush() {
        for (RrdPoint point : points.values()) {
            try {
                point.flush();
            } catch (IOException e) {
                throw new StoreUnavailableException("cannot flush " + point.point(), e);
            }
        }
    }

    @Override
    public Optional<Sample> latest(PointId point) {
        ensureOpen();
        return existing(point).flatMap(RrdPoint::latest);
    }

    @Override
    public List<TimeValue> range(PointId point, Instant from, Instant to, Duration step, Aggregate aggregate) {
        return fold(point, from, to, step, aggregate, false);
    }

    @Override
    public List<StepMean> goodMeans(PointId point, Instant from, Instant to, Duration step) {
        return grid(point, from, to, step, Aggregate.MEAN, true).means();
    }

    @Override
    public List<TimeValue> goodReadings(PointId point, Instant from, Instant to, Duration step) {
        return fold(point, from, to, step, Aggregate.LAST, true);
    }

    @Override
    public List<Instant> pollOverrunSteps(PointId point, Instant from, Instant to, Duration step) {
        ensureOpen();
        StepGrid grid = new StepGrid(from, to, step, Aggregate.MAX);
        Optional<RrdPoint> stored = existing(point);
        if (stored.isPresent()) {
            try {
                stored.get().foldOverruns(grid, from, to);
            } catch (IOException e) {
                throw new StoreUnavailableException("cannot read " + RrdLayout.fileOf(dataDir, point), e);
            }
        }
        return grid.values().stream().filter(v -> v.value() > 0).map(TimeValue::time).toList();
    }

    private List<TimeValue> fold(PointId point, Instant from, Instant to, Duration step, Aggregate aggregate,
            boolean goodOnly) {
        return grid(point, from, to, step, aggregate, goodOnly).values();
    }

    private StepGrid grid(PointId point, Instant from, Instant to, Duration step, Aggregate aggregate, boolean goodOnly) {
        ensureOpen();
        StepGrid grid = new StepGrid(from, to, step, aggregate);
        Optional<RrdPoint> stored = existing(point);
        if (stored.isPresent()) {
            try {
                stored.get().foldInto(grid, from, to, aggregate, goodOnly);
            } catch (IOException e) {
                throw new StoreUnavailableException("cannot read " + RrdLayout.fileOf(dataDir, point), e);
            }
        }
        return grid;
    }

    /** Commits the held-back samples and closes every file. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        IOException first = null;
        for (RrdPoint point : points.values()) {
            try {
                point.close();
            } catch (IOException e) {
                LOG.warn("cannot close {}: {}", point.point(), e.getMessage());
                first = first == null ? e : first;
            }
        }
        points.clear();
        if (first != null) {
            throw new StoreUnavailableException("some rrd files did not close cleanly", first);
        }
    }

    private Optional<RrdPoint> existing(PointId point) {
        RrdPoint held = points.get(point);
        if (held != null || !Files.exists(RrdLayout.fileOf(dataDir, point))) {
            return Optional.ofNullable(held);
        }
        return Optional.of(points.computeIfAbsent(point, this::openOrFresh));
    }

    private RrdPoint openOrFresh(PointId point) {
        Path file = RrdLayout.fileOf(dataDir, point);
        if (!Files.exists(file)) {
            return RrdPoint.fresh(point, file);
        }
        try {
            return RrdPoint.open(point, file, readOnly);
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot open " + file, e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("rrd store " + dataDir + " is closed");
        }
    }
}
