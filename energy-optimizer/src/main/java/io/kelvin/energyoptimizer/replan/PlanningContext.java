package io.kelvin.energyoptimizer.replan;

import io.kelvin.energyoptimizer.model.CoolingModel;
import io.kelvin.energyoptimizer.model.Forecast;
import io.kelvin.energyoptimizer.model.SiteModel;
import io.kelvin.energyoptimizer.model.Weights;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * What stays the same between re-plans: slot 0 of the absolute slot clock ({@code epoch}), slot
 * length, horizon length in slots, re-plan interval, site, cooling, weights, allowed lateness, the
 * site's time zone (for explanations). {@code forecast} is indexed in absolute slots from the epoch and
 * may be replaced.
 */
public record PlanningContext(Instant epoch, Duration slotLength, int horizonSlots, Duration replanEvery,
                              SiteModel site, CoolingModel cooling, Weights weights, int maxLateSlots,
                              Forecast forecast, ZoneId zone) {

    /** A context in UTC. */
    public PlanningContext(Instant epoch, Duration slotLength, int horizonSlots, Duration replanEvery,
                           SiteModel site, CoolingModel cooling, Weights weights, int maxLateSlots,
                           Forecast forecast) {
        this(epoch, slotLength, horizonSlots, replanEvery, site, cooling, weights, maxLateSlots, forecast,
                java.time.ZoneOffset.UTC);
    }

    public int slotAt(Instant t) {
        return (int) Math.floorDiv(Duration.between(epoch, t).toSeconds(), slotLength.toSeconds());
    }

    public PlanningContext withForecast(Forecast f) {
        return new PlanningContext(epoch, slotLength, horizonSlots, replanEvery, site, cooling, weights, maxLateSlots, f,
                zone);
    }
}
