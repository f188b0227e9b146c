package io.kelvin.core.kpi;

import io.kelvin.core.site.Meter;
import io.kelvin.core.site.MeterRole;
import io.kelvin.core.site.PollClass;
import io.kelvin.core.site.Site;
import io.kelvin.core.telemetry.Freshness;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Quality;
import io.kelvin.core.telemetry.Sample;
import java.time.Duration;
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
 * A total is GOOD only when every meter behind it has a GOOD sample collected within the
 * {@link Freshness} limit of its point's poll interval. Otherwise, worst first: an input that is
 * COMM_FAILED makes the total COMM_FAILED with no value ({@code NaN}), so stored history shows the
 * outage as a gap; an input past its limit (or itself STALE) makes it STALE, keeping the sum of the
 * last values for display; any other quality makes it UNCERTAIN. A meter with no sample at all yet
 * suppresses the totals that need it (a sum over missing meters would understate them). Totals are
 * stamped {@code now}, so a STALE or COMM_FAILED total is published, and stored, every round.
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

    /** Derives the site totals from a snapshot of latest samples with the site file's freshness; {@code now} stamps them. */
    public static List<Sample> derive(Site site, Map<PointId, Sample> latest, Instant now) {
        return derive(site, latest, now, site.reporting().freshness());
    }

    /** Derives the site totals from a snapshot of latest samples; {@code now} stamps them and judges freshness. */
    public static List<Sample> derive(Site site, Map<PointId, Sample> latest, Instant now, Freshness freshness) {
        Inputs in = new Inputs(site, latest, now, freshness);
        List<Sample> out = new ArrayList<>();
        Optional<Total> grid = in.sum(MeterRole.GRID_IMPORT)
                .flatMap(imp -> in.sum(MeterRole.GRID_EXPORT).map(exp -> imp.minus(exp)));
        Optional<Total> pv = in.sum(MeterRole.PV);
        Optional<Total> wind = in.sum(MeterRole.WIND);
        Optional<Total> it = in.sum(MeterRole.IT_LOAD);
        Optional<Total> facility = grid.flatMap(g -> pv.flatMap(p -> wind.map(w -> g.plus(p).plus(w))));
        grid.ifPresent(t -> out.add(t.sample(GRID_IMPORT_KW, now)));
        pv.ifPresent(t -> out.add(t.sample(PV_KW, now)));
        wind.ifPresent(t -> out.add(t.sample(WIND_KW, now)));
        it.ifPresent(t -> out.add(t.sample(IT_KW, now)));
        facility.ifPresent(t -> out.add(t.sample(FACILITY_KW, now)));
        in.sum(MeterRole.COOLING).ifPresent(t -> out.add(t.sample(COOLING_KW, now)));
        in.sum(MeterRole.HEAT_EXPORT).ifPresent(t -> out.add(t.sample(HEAT_EXPORT_KW, now)));
        facility.flatMap(f -> it.filter(i -> i.kw() > 0 || i.quality() == Quality.COMM_FAILED).map(i -> f.ratio(i)))
                .ifPresent(t -> out.add(t.sample(PUE, now)));
        return out;
    }

    private record Inputs(Site site, Map<PointId, Sample> latest, Instant now, Freshness freshness) {

        /**
         * Sum of the role's meters; empty when a meter has no sample yet. A role with no meter sums to 0.
         * The sum's quality is the worst of its inputs' (a missed refresh counting as STALE).
         */
        Optional<Total> sum(MeterRole role) {
            Total total = new Total(0, Quality.GOOD);
            for (Meter meter : site.meters(role)) {
                Sample sample = latest.get(meter.point());
                if (sample == null || Double.isNaN(sample.value()) && sample.quality() != Quality.COMM_FAILED) {
                    return Optional.empty();
                }
                total = total.plus(new Total(sample.value(), quality(sample)));
            }
            return Optional.of(total);
        }

        private Quality quality(Sample sample) {
            if (sample.quality() == Quality.GOOD && !freshness.isFresh(sample, refreshInterval(sample.point()), now)) {
                return Quality.STALE;
            }
            return sample.quality();
        }

        /** The meter point's refresh interval from its device's profile; FAST for a point the site does not describe. */
        private Duration refreshInterval(PointId point) {
            return site.device(point.device())
                    .flatMap(d -> d.profile().point(point.point()).map(p -> d.profile().refreshInterval(p)))
                    .orElse(PollClass.FAST.interval());
        }
    }

    private record Total(double kw, Quality quality) {

        Total plus(Total other) {
            return new Total(kw + other.kw, worst(quality, other.quality));
        }

        Total minus(Total other) {
            return new Total(kw - other.kw, worst(quality, other.quality));
        }

        Total ratio(Total denominator) {
            return new Total(kw / denominator.kw, worst(quality, denominator.quality));
        }

        Sample sample(PointId point, Instant now) {
            return new Sample(point, quality == Quality.COMM_FAILED ? Double.NaN : kw, quality, now, now);
        }

        /** COMM_FAILED over STALE over UNCERTAIN over GOOD; any other non-GOOD quality counts as UNCERTAIN. */
        private static Quality worst(Quality a, Quality b) {
            return rank(a) >= rank(b) ? normal(a) : normal(b);
        }

        private static Quality normal(Quality q) {
            return switch (q) {
                case GOOD, STALE, COMM_FAILED -> q;
                default -> Quality.UNCERTAIN;
            };
        }

        private static int rank(Quality q) {
            return switch (q) {
                case GOOD -> 0;
                case COMM_FAILED -> 3;
                case STALE -> 2;
                default -> 1;
            };
        }
    }
}
