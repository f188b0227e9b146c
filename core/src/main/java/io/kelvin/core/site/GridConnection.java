package io.kelvin.core.site;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The site's grid connection. {@code importLimitKw} is the contracted import capacity;
 * {@code tariff} and a carbon series are paths relative to the site-configs folder.
 */
public record GridConnection(double importLimitKw, boolean exportAllowed, Optional<String> tariff,
                             Optional<Carbon> carbon) {

    /** How grid emissions are accounted: location-based (grid average) or market-based (contracts). */
    public enum CarbonMethod { LOCATION, MARKET }

    /**
     * Emission factors of grid electricity in kg CO2e per kWh, kept apart by method (GHG Protocol
     * Scope 2; ISO/IEC 30134-8 asks for the method to be stated): {@code locationKgPerKwh} is the
     * grid-average factor, {@code marketKgPerKwh} the supplier or residual-mix factor.
     * {@code series} names a CSV of hourly factors for one method that, where it has a value,
     * takes the place of that method's constant. {@code reference} says where the factors come from.
     */
    public record Carbon(OptionalDouble locationKgPerKwh, OptionalDouble marketKgPerKwh, Optional<Series> series,
                         Optional<String> reference) {
    }

    /**
     * Emission factors of one method over time, read from the CSV file {@code source}
     * ({@code time,kg_per_kwh}, one row per interval, ISO-8601 times with offset): each factor holds
     * from its row's time until the next row's, the last one for as long as the row before it.
     */
    public record Series(CarbonMethod method, String source, List<Factor> factors) {

        public Series {
            factors = List.copyOf(factors);
        }

        /** A factor in kg CO2e/kWh holding from {@code from}. */
        public record Factor(Instant from, double kgPerKwh) {
        }
    }
}
