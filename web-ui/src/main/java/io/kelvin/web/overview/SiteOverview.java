package io.kelvin.web.overview;

import io.kelvin.core.kpi.SiteKpis;
import io.kelvin.core.site.DeviceClass;
import io.kelvin.core.site.Site;
import io.kelvin.core.telemetry.Aggregate;
import io.kelvin.core.telemetry.LatestValues;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Sample;
import io.kelvin.core.telemetry.TelemetryStore;
import io.kelvin.core.telemetry.TimeValue;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedMap;

/**
 * What the site overview page shows, computed from the live snapshot and the store, free of any UI
 * framework so it can be tested on its own. The dashboard view only binds these values.
 */
public final class SiteOverview {

    /** CDU point names, as the CDU device profiles name them. */
    public static final String SUPPLY_TEMP = "supply_temp_c";
    public static final String RETURN_TEMP = "return_temp_c";
    public static final String FLOW = "flow_lpm";
    public static final String SUPPLY_SETPOINT = "supply_temp_setpoint_c";

    /** The window and resolution of the trend chart: one hour in 10 s steps, 360 points per line. */
    public static final Duration TREND_WINDOW = Duration.ofHours(1);
    public static final Duration TREND_STEP = Duration.ofSeconds(10);

    private static final List<TrendLine> TREND_LINES = List.of(
            new TrendLine("facility_kw", "Facility", 0),
            new TrendLine("it_kw", "IT load", 0),
            new TrendLine("pv_kw", "PV", 0),
            new TrendLine("grid_import_kw", "Grid import", 0),
            new TrendLine("pue", "PUE", 1));

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("HH:mm:ss zzz", Locale.ROOT);

    private final Site site;
    private final LatestValues latest;
    private final TelemetryStore store;
    private final PointUnits units;

    public SiteOverview(Site site, LatestValues latest, TelemetryStore store) {
        this.site = site;
        this.latest = latest;
        this.store = store;
        this.units = new PointUnits(site);
    }

    public String siteName() {
        return site.info().name();
    }

    public String siteId() {
        return site.info().id();
    }

    /** Wall-clock time at the site, for the "last update" cue. */
    public String localTime(Instant now) {
        return LOCAL_TIME.withZone(site.info().timezone()).format(now);
    }

    public Reading kpi(Kpi kpi) {
        return Reading.of(latest.get(kpi.point()), units.unitOf(kpi.point()), kpi.decimals());
    }

    /** Every CDU of the site, in site order, with its loop readings from the snapshot. */
    public List<CduRow> cdus() {
        SortedMap<PointId, Sample> snapshot = latest.snapshot();
        return site.devices(DeviceClass.CDU).stream()
                .map(cdu -> new CduRow(cdu.id(),
                        reading(snapshot, cdu.id(), SUPPLY_TEMP, 1),
                        reading(snapshot, cdu.id(), RETURN_TEMP, 1),
                        reading(snapshot, cdu.id(), FLOW, 0),
                        reading(snapshot, cdu.id(), SUPPLY_SETPOINT, 1)))
                .toList();
    }

    /** The last hour of the site totals from the store, ending at {@code now}. */
    public TrendSeries trend(Instant now) {
        Instant to = now.truncatedTo(ChronoUnit.SECONDS);
        Instant from = to.minus(TREND_WINDOW);
        List<Instant> times = new ArrayList<>();
        for (Instant t = from; t.isBefore(to); t = t.plus(TREND_STEP)) {
            times.add(t);
        }
        List<TrendSeries.Line> lines = TREND_LINES.stream()
                .map(line -> line.query(store, from, to, times.size()))
                .toList();
        return new TrendSeries(times, lines, site.info().timezone());
    }

    private Reading reading(SortedMap<PointId, Sample> snapshot, String device, String point, int decimals) {
        PointId id = PointId.of(device, point);
        return Reading.of(Optional.ofNullable(snapshot.get(id)), units.unitOf(id), decimals);
    }

    private record TrendLine(String point, String label, int axis) {

        TrendSeries.Line query(TelemetryStore store, Instant from, Instant to, int steps) {
            PointId id = PointId.of(SiteKpis.DEVICE, point);
            List<TimeValue> values = store.range(id, from, to, TREND_STEP, Aggregate.MEAN);
            List<Double> aligned = new ArrayList<>(steps);
            for (int i = 0; i < steps; i++) {
                TimeValue value = i < values.size() ? values.get(i) : null;
                aligned.add(value == null || value.isGap() ? null : value.value());
            }
            String unit = axis == 0 ? "kW" : "";
            return new TrendSeries.Line(point, label, unit, axis, aligned);
        }
    }
}
