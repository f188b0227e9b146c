package io.kelvin.core.forecast;

import java.util.List;
import java.util.Objects;

/**
 * The forecast for one request, every series with {@link ForecastRequest#slots()} slots, each value the mean
 * over its slot. Units and signs: {@code pvKw} and {@code windKw} AC kW generated (>= 0), each a P50 (what is
 * planned on) with its P10-P90 band;
 * {@code unscheduledItKw} kW of IT load that Kelvin does not schedule (metered IT load less what Kelvin's jobs
 * drew); {@code carbon} gCO2/kWh; {@code importPrice} currency per kWh; {@code ambientC} degrees Celsius.
 */
public record HorizonForecast(ForecastRequest request, BandSeries pvKw, BandSeries windKw, SlotSeries unscheduledItKw,
                              CarbonSeries carbon, PriceSeries importPrice, SlotSeries ambientC) {

    public HorizonForecast {
        Objects.requireNonNull(request, "request");
        int n = request.slots();
        for (SlotSeries s : List.of(pvKw.p50(), windKw.p50(), unscheduledItKw, carbon.locationBased(), carbon.marketBased(),
                importPrice.perKwh(), ambientC)) {
            if (s.slots() != n) {
                throw new IllegalArgumentException("every series needs " + n + " slots; " + s + " has " + s.slots());
            }
        }
    }

    /** Each input's provenance and fallback count, in {@link ForecastInput} order. */
    public List<InputStatus> inputs() {
        return List.of(status(ForecastInput.PV, pvKw.p50()), status(ForecastInput.WIND, windKw.p50()),
                status(ForecastInput.UNSCHEDULED_IT_LOAD, unscheduledItKw),
                status(ForecastInput.CARBON_LOCATION_BASED, carbon.locationBased()),
                status(ForecastInput.CARBON_MARKET_BASED, carbon.marketBased()),
                status(ForecastInput.IMPORT_PRICE, importPrice.perKwh()), status(ForecastInput.AMBIENT, ambientC));
    }

    private static InputStatus status(ForecastInput input, SlotSeries s) {
        return new InputStatus(input, s.provenance(), s.fallbackSlots(), s.slots());
    }
}
