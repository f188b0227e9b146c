package io.kelvin.core.forecast;

import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/** The import price per kWh in {@code currency} (empty only when no price source is configured). */
public record PriceSeries(SlotSeries perKwh, Optional<Currency> currency) {

    public PriceSeries {
        Objects.requireNonNull(perKwh, "perKwh");
        Objects.requireNonNull(currency, "currency");
    }
}
