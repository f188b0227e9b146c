package io.kelvin.core.forecast;

/** The inputs of a {@link HorizonForecast}, for summaries such as a plan's "which inputs, how fresh". */
public enum ForecastInput {
    PV,
    WIND,
    UNSCHEDULED_IT_LOAD,
    CARBON_LOCATION_BASED,
    CARBON_MARKET_BASED,
    IMPORT_PRICE,
    AMBIENT
}
