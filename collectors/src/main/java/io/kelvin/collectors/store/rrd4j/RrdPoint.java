package io.kelvin.collectors.store.rrd4j;

import io.kelvin.collectors.store.StepGrid;
import io.kelvin.collectors.store.rrd4j.RrdLayout.Tier;
import io.kelvin.core.telemetry.Aggregate;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Sample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.rrd4j.ConsolFun;
import org.rrd4j.core.Archive;
import org.rrd4j.core.FetchData;
import org.rrd4j.core.RrdDb;

/**
 * One point's RRD file plus the newest sample, held back so it can still be overwritten. RRD
 * updates must go strictly forward in time, so a sample is committed only when a later second
 * arrives (or on flush); a sample at or before the last committed second is refused. Writes come
 * from one thread and reads from many, hence every method is synchronized.
 */
final class RrdPoint {

    private static final long NONE = Long.MIN_VALUE;

    private final PointId point;
    private final Path file;
    private RrdDb db;
    private long lastUpdate = NONE;
    private Sample pending;
    private Sample committed;

    private RrdPoint(PointId point, Path file) {
        this.point = point;
        this.file = file;
    }

    /** A point whose file is made on its first commit. */
    static RrdPoint fresh(PointId point, Path file) {
        return new RrdPoint(point, file);
    }

    /** Opens the point's existing file and reads back its newest sample. */
    static RrdPoint open(PointId point, Path file) throws IOException {
        RrdPoint opened = new RrdPoint(point, file);
        opened.db = RrdDb.getBuilder().setPath(file.toString()).build();
        opened.lastUpdate = opened.db.getLastUpdateTime();
        double value = opened.db.getLastDatasourceValue(RrdLayout.DATASOURCE);
        opened.committed = LatestCodec.decode(point, value, opened.db.getInfo()).orElse(null);
        return opened;
    }

    /**
     * Takes the sample unless it is at or before the last committed second; returns whether it was
     * taken. A sample in the held-back second replaces it.
     */
    synchronized boolean offer(Sample sample) throws IOException {
        long second = sample.sourceTime().getEpochSecond();
        if (lastUpdate != NONE && second + 1 <= lastUpdate) {
            return false;
        }
        if (pending == null || second == secondOf(pending)) {
            pending = sample;
        } else if (second > secondOf(pending)) {
            commit(pending);
            pending = sample;
        } else {
            commit(sample);
        }
        return true;
    }

    /** Commits the held-back sample; after this, its second can no longer be rewritten. */
    synchronized void flush() throws IOException {
        if (pending != null) {
            commit(pending);
            pending = null;
        }
    }

    synchronized Optional<Sample> latest() {
        return Optional.ofNullable(pending != null ? pending : committed);
    }

    /** Adds the stored rows (and the held-back sample) that overlap {@code [from, to)} to the grid. */
    synchronized void foldInto(StepGrid grid, Instant from, Instant to, Aggregate aggregate) throws IOException {
        if (db != null) {
            foldArchive(grid, from, to, aggregate);
        }
        if (pending != null) {
            grid.add(secondOf(pending) * 1000, 1000, pending.value());
        }
    }

    synchronized void close() throws IOException {
        flush();
        if (db != null) {
            db.close();
            db = null;
        }
    }

    private void foldArchive(StepGrid grid, Instant from, Instant to, Aggregate aggregate) throws IOException {
        long fromSecond = from.getEpochSecond();
        Tier tier = tierReaching(fromSecond);
        ConsolFun fun = RrdLayout.consolFun(aggregate, tier);
        Archive archive = db.getArchive(fun, tier.steps());
        long arcStep = archive.getArcStep();
        // rows stamped T hold [T - arcStep, T); clamping to the archive's span makes rrd4j pick it
        long fetchStart = Math.max(fromSecond, archive.getStartTime());
        long fetchEnd = Math.min(Math.ceilDiv(to.toEpochMilli(), 1000) + arcStep, archive.getEndTime());
        if (fetchEnd < fetchStart) {
            return;
        }
        FetchData data = db.createFetchRequest(fun, fetchStart, fetchEnd, arcStep).fetchData();
        long rowSeconds = data.getArcStep();
        long[] times = data.getTimestamps();
        double[] values = data.getValues(RrdLayout.DATASOURCE);
        for (int i = 0; i < times.length; i++) {
            grid.add((times[i] - rowSeconds) * 1000, rowSeconds * 1000, values[i]);
        }
    }

    /** The finest tier whose oldest row still reaches back to {@code fromSecond}, else the coarsest. */
    private Tier tierReaching(long fromSecond) throws IOException {
        for (Tier tier : RrdLayout.TIERS) {
            Archive archive = db.getArchive(ConsolFun.AVERAGE, tier.steps());
            if (archive.getStartTime() - archive.getArcStep() <= fromSecond) {
                return tier;
            }
        }
        return RrdLayout.TIERS.get(RrdLayout.TIERS.size() - 1);
    }

    private void commit(Sample sample) throws IOException {
        long time = secondOf(sample) + 1;
        if (db == null) {
            create(time);
        }
        if (time - lastUpdate > RrdLayout.HEARTBEAT_SECONDS) {
            // without this, rrd4j would mark the sample's own second unknown along with the gap
            update(time - 1, Double.NaN);
        }
        update(time, sample.value());
        db.setInfo(LatestCodec.encode(sample));
        committed = sample;
    }

    private void create(long firstUpdate) throws IOException {
        Files.createDirectories(file.getParent());
        db = RrdDb.getBuilder().setRrdDef(RrdLayout.definition(file, firstUpdate - 2)).build();
        // an unknown first row: rrd4j would otherwise back-fill from the start time
        update(firstUpdate - 1, Double.NaN);
    }

    private void update(long time, double value) throws IOException {
        db.createSample(time).setValue(RrdLayout.DATASOURCE, value).update();
        lastUpdate = time;
    }

    private static long secondOf(Sample sample) {
        return sample.sourceTime().getEpochSecond();
    }

    PointId point() {
        return point;
    }
}
