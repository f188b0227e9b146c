package io.kelvin.web.overview;

import io.kelvin.core.kpi.SiteKpis;
import io.kelvin.core.telemetry.PointId;
import java.util.List;

/**
 * A headline figure of the site overview, bound to one derived {@code site.*} point. {@code key} is
 * stable and becomes the tile's element id ({@code kpi-KEY}), which the browser tests rely on.
 */
public record Kpi(String key, String label, PointId point, int decimals) {

    public static final List<Kpi> SITE_OVERVIEW = List.of(
            site("it-load", "IT load", "it_kw", 0),
            site("facility-load", "Facility load", "facility_kw", 0),
            site("pue", "PUE (live)", "pue", 3),
            site("pv", "PV", "pv_kw", 0),
            site("wind", "Wind", "wind_kw", 0),
            site("grid-import", "Grid import", "grid_import_kw", 0),
            site("heat-export", "Heat export", "heat_export_kw", 0));

    private static Kpi site(String key, String label, String point, int decimals) {
        return new Kpi(key, label, PointId.of(SiteKpis.DEVICE, point), decimals);
    }
}
