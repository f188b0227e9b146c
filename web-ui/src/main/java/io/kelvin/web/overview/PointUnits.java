package io.kelvin.web.overview;

import io.kelvin.core.kpi.SiteKpis;
import io.kelvin.core.site.PointDef;
import io.kelvin.core.site.Site;
import io.kelvin.core.telemetry.PointId;

/**
 * The engineering unit of any point Kelvin shows: device points take it from their device profile,
 * the site totals Kelvin derives itself from {@link SiteKpis#UNITS}. Dimensionless points have the
 * unit {@code "1"}, as in the profiles. An unknown point has the empty unit rather than a guess.
 */
public final class PointUnits {

    private final Site site;

    public PointUnits(Site site) {
        this.site = site;
    }

    public String unitOf(PointId point) {
        if (SiteKpis.DEVICE.equals(point.device())) {
            return SiteKpis.UNITS.getOrDefault(point, "");
        }
        return site.device(point.device())
                .flatMap(device -> device.profile().point(point.point()))
                .map(PointDef::unit)
                .orElse("");
    }
}
