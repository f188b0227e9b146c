package io.kelvin.greenpower.dr.ven;

import io.kelvin.core.dr.DrPlanOutcome;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Where report values come from: a resource's metered grid import and its baseline, as mean kW over
 * {@code [from, to)} (UTC). Empty when the data is missing (the report then says MISSING). The app
 * backs it with the telemetry store and {@code baseline.Baselines}; {@link #shortfall} with the newest DR
 * re-plan's outcome.
 */
public interface ReportSource {

    OptionalDouble demandKw(String resourceName, Instant from, Instant to);

    OptionalDouble baselineKw(String resourceName, String eventId, Instant from, Instant to);

    /**
     * What the newest plan cannot keep of the event's caps (kW, kWh, jobs that would miss), when it cannot
     * keep them; the OPERATING_STATE report carries it. Empty by default: no plan, or the caps are kept.
     */
    default Optional<DrPlanOutcome.Shortfall> shortfall(String eventId) {
        return Optional.empty();
    }
}
