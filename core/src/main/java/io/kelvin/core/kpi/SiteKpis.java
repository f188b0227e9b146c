package io.kelvin.core.kpi;

import io.kelvin.core.site.Meter;
import io.kelvin.core.site.MeterRole;
import io.kelvin.core.site.Site;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Quality;
import io.kelvin.core.telemetry.Sample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Live site totals derived from the meters' latest samples, published as points of device
 * {@value #DEVICE}. All powers in kW, positive as the meter role names them.
 *
 * <ul>
 *   <li>{@code grid_import_kw} = sum(GRID_IMPORT) - sum(GRID_EXPORT) (negative while exporting)</li>
 *   <li>{@code facility_kw} = grid import + PV + wind: all power the site consumes (E_DC, ISO/IEC 30134-2)</li>
 *   <li>{@code it_kw} = sum(IT_LOAD); {@code pue} = facility_kw / it_kw (instantaneous, unitless)</li>
 *   <li>{@code pv_kw}, {@code wind_kw}, {@code cooling_kw}, {@code heat_export_kw}: sums of their roles</li>
 * </ul>
 *
 * A total is GOOD only when every meter behind it has a GOOD sample; if one is missing the total is
 * not published (a sum over missing meters would understate it), and if one is of another quality
 * the total is UNCERTAIN.
 */
public final class SiteKpis {

    public static final String DEVICE = "site";
    public static final PointId GRID_IMPORT_KW = PointId.of(DEVICE, "grid_import_kw");
    public static final PointId FACILITY_KW = PointId.of(DEVICE, "facility_kw");
    public static final PointId IT_KW = PointId.of(DEVICE, "it_kw");
    public static final PointId PUE = PointId.of(DEVICE, "pue");
    public static final PointId PV_KW = PointId.of(DEVICE, "pv_kw");
    public static final PointId WIND_KW = PointId.of(DEVICE, "wind_kw");
    public static final PointId COOLING_KW = PointId.of(DEVICE, "cooling_kw");
    public static final PointId HEAT_EXPORT_KW = PointId.of(DEVICE, "heat_export_kw");

    /** Units of the derived points, for display and the REST API. */
    public static final Map<PointId, String> UNITS = Map.of(GRID_IMPORT_KW, "kW", FACILITY_KW, "kW", IT_KW, "kW",
            PUE, "1", PV_KW, "kW", WIND_KW, "kW", COOLING_KW, "kW", HEAT_EXPORT_KW, "kW");

    private SiteKpis() {
    }

    /** Derives the site totals from a snapshot of latest samples; {@code now} stamps them. */
    public static List<Sample> derive(Site site, Map<PointId, Sample> latest, Instant now) {
        List<Sample> out = new ArrayList<>();
        Optional<Total> grid = sum(site, latest, MeterRole.GRID_IMPORT)
                .flatMap(imp -> sum(site, latest, MeterRole.GRID_EXPORT).map(exp -> imp.minus(exp)));
        Optional<Total> pv = sum(site, latest, MeterRole.PV);
        Optional<Total> wind = sum(site, latest, MeterRole.WIND);
        Optional<Total> it = sum(site, latest, MeterRole.IT_LOAD);
        Optional<Total> facility = grid.flatMap(g -> pv.flatMap(p -> wind.map(w -> g.plus(p).plus(w))));
        grid.ifPresent(t -> out.add(t.sample(GRID_IMPORT_KW, now)));
        pv.ifPresent(t -> out.add(t.sample(PV_KW, now)));
        wind.ifPresent(t -> out.add(t.sample(WIND_KW, now)));
        it.ifPresent(t -> out.add(t.sample(IT_KW, now)));
        facility.ifPresent(t -> out.add(t.sample(FACILITY_KW, now)));
        sum(site, latest, MeterRole.COOLING).ifPresent(t -> out.add(t.sample(COOLING_KW, now)));
        sum(site, latest, MeterRole.HEAT_EXPORT).ifPresent(t -> out.add(t.sample(HEAT_EXPORT_KW, now)));
        facility.flatMap(f -> it.filter(i -> i.kw() > 0).map(i -> f.ratio(i)))
                .ifPresent(t -> out.add(t.sample(PUE, now)));
        return out;
    }

    /** Sum of the role's meters; empty when a meter has no sample yet. A role with no meter sums to 0. */
    private static Optional<Total> sum(Site site, Map<PointId, Sample> latest, MeterRole role) {
        Total total = new Total(0, true);
        for (Meter meter : site.meters(role)) {
            Sample sample = latest.get(meter.point());
            if (sample == null || Double.isNaN(sample.value())) {
                return Optional.empty();
            }
            total = total.plus(new Total(sample.value(), sample.quality().isGood()));
        }
        return Optional.of(total);
    }

    private record Total(double kw, boolean good) {

        Total plus(Total other) {
            return new Total(kw + other.kw, good && other.good);
        }

        Total minus(Total other) {
            return new Total(kw - other.kw, good && other.good);
        }

        Total ratio(Total denominator) {
            return new Total(kw / denominator.kw, good && denominator.good);
        }

        Sample sample(PointId point, Instant now) {
            return new Sample(point, kw, good ? Quality.GOOD : Quality.UNCERTAIN, now, now);
        }
    }
}
