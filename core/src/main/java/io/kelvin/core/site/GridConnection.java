package io.kelvin.core.site;

import java.util.Optional;

/**
 * The site's grid connection. {@code importLimitKw} is the contracted import capacity;
 * {@code tariff} and {@code carbonSource} are paths relative to the site-configs folder.
 */
public record GridConnection(double importLimitKw, boolean exportAllowed, Optional<String> tariff,
                             Optional<Carbon> carbon) {

    /** How grid emissions are accounted: location-based (grid average) or market-based (contracts). */
    public enum CarbonMethod { LOCATION, MARKET }

    public record Carbon(CarbonMethod method, String source) {
    }
}
