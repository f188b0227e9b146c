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
import org.rrd4j.core.RrdToolkit;

/**
 * One point's RRD file plus the newest sample, held back so it can still be overwritten. RRD
 * updates must go strictly forward in time, so a sample is committed only when a later second
 * arrives (or on flush); a sample at or before the last committed second is refused. Writes come
 * from one thread and reads from many, hence every method is synchronized. A point opened read-only
 * refuses writes and changes nothing on disk.
 */
final class RrdPoint {

    private static final long NONE = Long.MIN_VALUE;

    private final PointId point;
    private final Path file;
    private final boolean readOnly;
    private RrdDb db;
    /** False only for a file made before the {@code good} datasource, opened read-only. */
    private boolean hasGood = true;
    /** False only for a file made before the {@code overrun} datasource, opened read-only. */
    private boolean hasOverrun = true;
    private long lastUpdate = NONE;
    private Sample pending;
    private Sample committed;

    private RrdPoint(PointId point, Path file, boolean readOnly) {
        this.point = point;
        this.file = file;
        this.readOnly = readOnly;
    }

    /** A point whose file is made on its first commit. */
    static RrdPoint fresh(PointId point, Path file) {
        return new RrdPoint(point, file, false);
    }

    /**
     * Opens the point's existing file and reads back its newest sample. A file made before the
     * {@code good} datasource gets it added (its past is unknown there: no GOOD history), unless
     * opened read-only, in which case it simply has no GOOD history.
     */
    static RrdPoint open(PointId point, Path file, boolean readOnly) throws IOException {
        RrdPoint opened = new RrdPoint(point, file, readOnly);
        opened.db = RrdDb.getBuilder().setPath(file.toString()).setReadOnly(readOnly).build();
        if (!opened.db.containsDs(RrdLayout.GOOD_DATASOURCE)) {
            if (readOnly) {
                opened.hasGood = false;
            } else {
                opened.db.close();
                RrdToolkit.addDatasource(file.toString(), RrdLayout.goodDatasource(), false);
                opened.db = RrdDb.getBuilder().setPath(file.toString()).build();
            }
        }
        if (!opened.db.containsDs(RrdLayout.OVERRUN_DATASOURCE)) {
            if (readOnly) {
                opened.hasOverrun = false;
            } else {
                opened.db.close();
                RrdToolkit.addDatasource(file.toString(), RrdLayout.overrunDatasource(), false);
                opened.db = RrdDb.getBuilder().setPath(file.toString()).build();
            }
        }
        opened.lastUpdate = opened.db.getLastUpdateTime();
        double value = opened.db.getLastDatasourceValue(RrdLayout.DATASOURCE);
        opened.committed = LatestCodec.decode(point, value, opened.db.getInfo()).orElse(null);
        return opened;
    }

    /**
     * Takes the sample unless it is at or before the last committed second; returns whether it was
     * taken. A sample in the held-back second replaces it, except that a POLL_OVERRUN marker never
     * replaces a reading of the same second (at one-second resolution that second has data; polls faster
     * than 1 s can share a second with a skipped cycle).
     */
    synchronized boolean offer(Sample sample) throws IOException {
        if (readOnly) {
            throw new IllegalStateException(file + " is open read-only");
        }
        long second = sample.sourceTime().getEpochSecond();
        if (lastUpdate != NONE && second + 1 <= lastUpdate) {
            return false;
        }
        if (pending != null && second == secondOf(pending) && sample.quality().isPollOverrun()
                && !pending.quality().isPollOverrun()) {
            return true;
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

    /**
     * Adds the stored rows (and the held-back sample) that overlap {@code [from, to)} to the grid:
     * every value, or with {@code goodOnly} the values of GOOD samples only.
     */
    synchronized void foldInto(StepGrid grid, Instant from, Instant to, Aggregate aggregate, boolean goodOnly)
            throws IOException {
        if (db != null && (hasGood || !goodOnly)) {
            foldArchive(grid, from, to, aggregate, goodOnly ? RrdLayout.GOOD_DATASOURCE : RrdLayout.DATASOURCE);
        }
        if (pending != null && (!goodOnly || pending.quality().isGood())) {
            grid.add(secondOf(pending) * 1000, 1000, pending.value());
        }
    }

    /**
     * Adds 1 to the steps of the MAX grid where {@code [from, to)} holds a POLL_OVERRUN marker (0 where
     * it holds other samples only).
     */
    synchronized void foldOverruns(StepGrid grid, Instant from, Instant to) throws IOException {
        if (db != null && hasOverrun) {
            foldArchive(grid, from, to, Aggregate.MAX, RrdLayout.OVERRUN_DATASOURCE);
        }
        if (pending != null) {
            grid.add(secondOf(pending) * 1000, 1000, overrunOf(pending));
        }
    }

    synchronized void close() throws IOException {
        if (!readOnly) {
            flush();
        }
        if (db != null) {
            db.close();
            db = null;
        }
    }

    /**
     * Folds {@code [from, to)} into the grid, each part from the finest tier that still holds it (1 s
     * rows for the last hour, 1 min rows for the two days before, and so on), so a query reaching far
     * back keeps the detail of the recent part, where a short-lived store has all its data.
     */
    private void foldArchive(StepGrid grid, Instant from, Instant to, Aggregate aggregate, String datasource)
            throws IOException {
        long fromSecond = from.getEpochSecond();
        long end = Math.ceilDiv(to.toEpochMilli(), 1000);
        for (Tier tier : RrdLayout.TIERS) {
            ConsolFun fun = RrdLayout.consolFun(aggregate, tier);
            Archive archive = db.getArchive(fun, tier.steps());
            // rows stamped T hold [T - arcStep, T): the oldest row holds from its stamp minus a step
            long holdsFrom = archive.getStartTime() - archive.getArcStep();
            long start = Math.max(fromSecond, holdsFrom);
            if (start < end) {
                foldRows(grid, fun, archive, start, end, datasource);
                end = start;
            }
            if (holdsFrom <= fromSecond) {
                return;
            }
        }
    }

    /** Adds the archive's rows over source seconds {@code [start, end)}, each cut to that span. */
    private void foldRows(StepGrid grid, ConsolFun fun, Archive archive, long start, long end, String datasource)
            throws IOException {
        long arcStep = archive.getArcStep();
        // clamping to the archive's span makes rrd4j fetch from this archive
        long fetchStart = Math.max(start, archive.getStartTime());
        long fetchEnd = Math.min(end + arcStep, archive.getEndTime());
        if (fetchEnd < fetchStart) {
            return;
        }
        FetchData data = db.createFetchRequest(fun, fetchStart, fetchEnd, arcStep).fetchData();
        long rowSeconds = data.getArcStep();
        long[] times = data.getTimestamps();
        double[] values = data.getValues(datasource);
        for (int i = 0; i < times.length; i++) {
            long rowStart = Math.max(times[i] - rowSeconds, start);
            long rowEnd = Math.min(times[i], end);
            if (rowEnd > rowStart) {
                grid.add(rowStart * 1000, (rowEnd - rowStart) * 1000, values[i]);
            }
        }
    }

    private void commit(Sample sample) throws IOException {
        long time = secondOf(sample) + 1;
        if (db == null) {
            create(time);
        }
        if (time - lastUpdate > RrdLayout.HEARTBEAT_SECONDS) {
            // without this, rrd4j would mark the sample's own second unknown along with the gap
            update(time - 1, Double.NaN, Double.NaN, Double.NaN);
        }
        update(time, sample.value(), sample.quality().isGood() ? sample.value() : Double.NaN, overrunOf(sample));
        db.setInfo(LatestCodec.encode(sample));
        committed = sample;
    }

    private void create(long firstUpdate) throws IOException {
        Files.createDirectories(file.getParent());
        db = RrdDb.getBuilder().setRrdDef(RrdLayout.definition(file, firstUpdate - 2)).build();
        // an unknown first row: rrd4j would otherwise back-fill from the start time
        update(firstUpdate - 1, Double.NaN, Double.NaN, Double.NaN);
    }

    private void update(long time, double value, double goodValue, double overrun) throws IOException {
        db.createSample(time).setValue(RrdLayout.DATASOURCE, value).setValue(RrdLayout.GOOD_DATASOURCE, goodValue)
                .setValue(RrdLayout.OVERRUN_DATASOURCE, overrun).update();
        lastUpdate = time;
    }

    private static double overrunOf(Sample sample) {
        return sample.quality().isPollOverrun() ? 1 : 0;
    }

    private static long secondOf(Sample sample) {
        return sample.sourceTime().getEpochSecond();
    }

    PointId point() {
        return point;
    }
}
