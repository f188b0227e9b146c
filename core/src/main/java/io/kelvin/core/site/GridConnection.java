package io.kelvin.core.site;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The site's grid connection. {@code importLimitKw} is the contracted import capacity;
 * {@code tariff} is a path relative to the site-configs folder.
 */
public record GridConnection(double importLimitKw, boolean exportAllowed, Optional<String> tariff,
                             Optional<Carbon> carbon) {

    /** How grid emissions are accounted: location-based (grid average) or market-based (contracts). */
    public enum CarbonMethod { LOCATION, MARKET }

    /**
     * Emission factors of grid electricity in kg CO2e per kWh, kept apart by method (GHG Protocol
     * Scope 2; ISO/IEC 30134-8 asks for the method to be stated): {@code locationKgPerKwh} is the
     * grid-average factor, {@code marketKgPerKwh} the supplier or residual-mix factor. A factor that
     * changes over time is a carbon feed of the site ({@link Site#feeds()}); these constants serve
     * where it has no value. {@code reference} says where the factors come from.
     */
    public record Carbon(OptionalDouble locationKgPerKwh, OptionalDouble marketKgPerKwh, Optional<String> reference) {
    }
}
