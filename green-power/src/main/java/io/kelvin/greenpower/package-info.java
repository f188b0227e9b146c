/**
 * Green power: PV, wind and unscheduled-load forecasts from the site's own measurements, carbon and price
 * feeds with caching, staleness and fallback, all behind the core {@link io.kelvin.core.forecast.ForecastProvider}
 * port ({@link io.kelvin.greenpower.forecast.SiteForecastProvider}). See README.md.
 */
package io.kelvin.greenpower;
