package io.kelvin.core.forecast;

import io.kelvin.core.series.ExchangeRate;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * The import price per kWh in {@code currency} (empty only when no price source is configured); {@code converted}
 * says when the source gave another currency and its prices were converted at a fixed {@link ExchangeRate}.
 */
public record PriceSeries(SlotSeries perKwh, Optional<Currency> currency, Optional<Conversion> converted) {

    /** The source's own currency and the rate its prices were converted at. */
    public record Conversion(Currency from, ExchangeRate rate) {

        public Conversion {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(rate, "rate");
        }

        /** "converted from CNY at 0.128 EUR/CNY". */
        public String describe() {
            return rate.describe(from);
        }
    }

    public PriceSeries {
        Objects.requireNonNull(perKwh, "perKwh");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(converted, "converted");
    }

    /** Prices as the source gave them. */
    public PriceSeries(SlotSeries perKwh, Optional<Currency> currency) {
        this(perKwh, currency, Optional.empty());
    }
}
