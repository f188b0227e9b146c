/**
 * The forecast port: {@link io.kelvin.core.forecast.ForecastProvider} answers a
 * {@link io.kelvin.core.forecast.ForecastRequest} with a {@link io.kelvin.core.forecast.HorizonForecast} whose every
 * series says, per slot, what it rests on ({@link io.kelvin.core.forecast.SlotBasis}) and, per input, where it came
 * from and how fresh it is ({@link io.kelvin.core.forecast.Provenance}, {@link io.kelvin.core.forecast.Freshness}).
 * {@link io.kelvin.core.forecast.ScheduledLoadHistory} is how the app tells the load forecast what Kelvin's own
 * jobs drew.
 */
package io.kelvin.core.forecast;
