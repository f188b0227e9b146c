package io.kelvin.core.forecast;

import java.util.Objects;

/**
 * Grid carbon intensity in gCO2(eq)/kWh, kept apart by accounting method (GHG Protocol Scope 2 Guidance):
 * {@code locationBased} is the grid's own intensity (average or marginal, as its feed says);
 * {@code marketBased} the factor of the site's contracts (supplier mix, certificates, residual mix).
 * Neither is ever filled from the other.
 */
public record CarbonSeries(SlotSeries locationBased, SlotSeries marketBased) {

    public CarbonSeries {
        Objects.requireNonNull(locationBased, "locationBased");
        Objects.requireNonNull(marketBased, "marketBased");
    }
}
