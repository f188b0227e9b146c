package io.kelvin.core.forecast;

/**
 * Port: what the planner is told about the next hours of a site, slot by slot: PV (P10/P50/P90), wind,
 * the IT load Kelvin does not schedule, grid carbon intensity (location- and market-based apart), the
 * import price and the ambient temperature, each with where it came from and whether it is a fallback.
 *
 * <p>Implementations never throw for a failing feed or an empty store: a source that cannot answer gives
 * its fallback (the last good day) or {@link SlotBasis#MISSING} slots, flagged in the answer. They throw
 * {@link IllegalArgumentException} only for a request about another site. The time of the forecast is the
 * provider's injected clock, not {@link ForecastRequest#start()}: a request may start in the past or future.
 */
public interface ForecastProvider {

    HorizonForecast forecast(ForecastRequest request);
}
