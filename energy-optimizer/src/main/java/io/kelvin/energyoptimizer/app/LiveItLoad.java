package io.kelvin.energyoptimizer.app;

import java.util.OptionalDouble;

/**
 * The IT load Kelvin does not schedule as metered now: the site's IT meters less what Kelvin's jobs draw, kW.
 * {@link ProvidedForecast} uses it for the slots the load forecast has no value for. Empty when unknown.
 */
@FunctionalInterface
public interface LiveItLoad {

    OptionalDouble unscheduledKw();

    /** Nothing metered: slots without a forecast take no unscheduled load. */
    static LiveItLoad unknown() {
        return OptionalDouble::empty;
    }
}
