package io.kelvin.web.runtime;

import io.kelvin.core.site.Site;
import io.kelvin.core.telemetry.LatestValues;
import io.kelvin.core.telemetry.TelemetryStore;
import io.kelvin.energyoptimizer.app.PlanningService;
import io.kelvin.web.overview.LatestPoints;
import io.kelvin.web.overview.PlanScreen;
import io.kelvin.web.overview.PointHistory;
import io.kelvin.web.overview.SiteOverview;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.InstantSource;

/** Makes the framework-free read models available to views and resources. */
@ApplicationScoped
class ViewModels {

    @Produces
    @Singleton
    SiteOverview siteOverview(Site site, LatestValues latest, TelemetryStore store) {
        return new SiteOverview(site, latest, store);
    }

    @Produces
    @Singleton
    LatestPoints latestPoints(Site site, LatestValues latest) {
        return new LatestPoints(site, latest);
    }

    @Produces
    @Singleton
    PlanScreen planScreen(PlanningService planning, InstantSource clock) {
        return new PlanScreen(planning, clock);
    }

    @Produces
    @Singleton
    PointHistory pointHistory(Site site, TelemetryStore store, InstantSource clock) {
        return new PointHistory(site, store, clock);
    }
}
