package io.kelvin.collectors.store.rrd4j;

import io.kelvin.core.telemetry.Aggregate;
import io.kelvin.core.telemetry.PointId;
import java.nio.file.Path;
import java.util.List;
import org.rrd4j.ConsolFun;
import org.rrd4j.DsType;
import org.rrd4j.core.DsDef;
import org.rrd4j.core.RrdDef;

/**
 * The shape of one point's RRD file. Base step 1 s; three GAUGE datasources whose heartbeat (120 s)
 * covers the slowest poll class (60 s) with one miss to spare: {@code value} holds every sample's
 * value whatever its quality (what charts draw), {@code good} holds the value of GOOD samples only
 * and is unknown for the rest (what audits count), {@code overrun} is 1 for a POLL_OVERRUN marker
 * and 0 for any other sample (its MAX says whether a step holds a skipped poll cycle). Archives
 * (shared by all three):
 * <pre>
 *   1 s  x  3,600 rows (1 h)      AVERAGE (one sample per row: it is also MIN, MAX and LAST)
 *   1 min x  2,880 rows (2 days)  AVERAGE, MIN, MAX, LAST
 *  15 min x  3,360 rows (35 days) AVERAGE, MIN, MAX, LAST
 *   1 h  x  9,600 rows (400 d)    AVERAGE, MIN, MAX, LAST
 * </pre>
 * 66,960 rows of 8 bytes per datasource: about 1.6 MB per point, preallocated (the demo's ~330
 * points: about 530 MB). A query reads each part of its span from the finest tier that still holds
 * it: the live chart (last hour) the 1 s tier, a day view the 1 min tier, a year's audit the hourly
 * tier for its older months and the finer tiers for its last days. Longer or finer history is what
 * the InfluxDB store is for.
 * A row stamped {@code T} in an archive of step {@code a} holds source seconds {@code [T - a, T)},
 * because a sample of source second {@code s} is stored as the RRD update at {@code s + 1}.
 */
final class RrdLayout {

    static final long STEP_SECONDS = 1;
    static final long HEARTBEAT_SECONDS = 120;
    static final String DATASOURCE = "value";
    /** The value of GOOD samples; unknown (NaN) where the sample was of another quality. */
    static final String GOOD_DATASOURCE = "good";
    /** 1 where the sample was a POLL_OVERRUN marker, 0 for any other sample. */
    static final String OVERRUN_DATASOURCE = "overrun";
    /** A consolidated row is known when at least half of its 1 s rows are. */
    static final double XFF = 0.5;

    /** One resolution: {@code steps} base steps per row, {@code rows} rows kept. */
    record Tier(int steps, int rows) {
    }

    /** Finest first; a range query takes each part of its span from the finest tier that still holds it. */
    static final List<Tier> TIERS = List.of(
            new Tier(1, 3_600),
            new Tier(60, 2_880),
            new Tier(900, 3_360),
            new Tier(3_600, 9_600));

    private static final List<ConsolFun> CONSOLIDATIONS =
            List.of(ConsolFun.AVERAGE, ConsolFun.MIN, ConsolFun.MAX, ConsolFun.LAST);

    private RrdLayout() {
    }

    /** {@code dataDir/<device>/<point>.rrd}; both parts are safe file names (see PointId). */
    static Path fileOf(Path dataDir, PointId point) {
        return dataDir.resolve(point.device()).resolve(point.point() + ".rrd");
    }

    /** A definition whose first row starts at {@code startTime} (RRD seconds). */
    static RrdDef definition(Path file, long startTime) {
        RrdDef def = new RrdDef(file.toString(), startTime, STEP_SECONDS);
        def.setVersion(2);
        def.addDatasource(DATASOURCE, DsType.GAUGE, HEARTBEAT_SECONDS, Double.NaN, Double.NaN);
        def.addDatasource(goodDatasource());
        def.addDatasource(overrunDatasource());
        for (Tier tier : TIERS) {
            if (tier.steps() == 1) {
                def.addArchive(ConsolFun.AVERAGE, XFF, 1, tier.rows());
            } else {
                CONSOLIDATIONS.forEach(fun -> def.addArchive(fun, XFF, tier.steps(), tier.rows()));
            }
        }
        return def;
    }

    /** The {@code good} datasource; also added to files made before it existed (their history in it is unknown). */
    static DsDef goodDatasource() {
        return new DsDef(GOOD_DATASOURCE, DsType.GAUGE, HEARTBEAT_SECONDS, Double.NaN, Double.NaN);
    }

    /** The {@code overrun} datasource; also added to files made before it existed (no markers in their past). */
    static DsDef overrunDatasource() {
        return new DsDef(OVERRUN_DATASOURCE, DsType.GAUGE, HEARTBEAT_SECONDS, Double.NaN, Double.NaN);
    }

    /** The consolidation that answers the aggregate; the 1 s tier only has AVERAGE. */
    static ConsolFun consolFun(Aggregate aggregate, Tier tier) {
        if (tier.steps() == 1) {
            return ConsolFun.AVERAGE;
        }
        return switch (aggregate) {
            case MEAN -> ConsolFun.AVERAGE;
            case MIN -> ConsolFun.MIN;
            case MAX -> ConsolFun.MAX;
            case LAST -> ConsolFun.LAST;
        };
    }
}
