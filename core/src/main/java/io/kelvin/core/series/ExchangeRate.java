package io.kelvin.core.series;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * A fixed exchange rate to the currency plans are costed in ({@link #PLAN_CURRENCY}, the currency of the carbon price
 * and feed-in credit): {@code rate} units of it per unit of a price's own currency ({@code 0.128} EUR per CNY). Site
 * files give it on a price feed, scenario files on their price series ({@code exchangeRate:}); every price in another
 * currency is converted here and nowhere else. A price already in the plan currency is left as it is.
 */
public record ExchangeRate(double rate) {

    /** The currency plans are costed in. */
    public static final Currency PLAN_CURRENCY = Currency.getInstance("EUR");

    /** What a file must write, for error messages. */
    public static final String RULE = "must be a finite number > 0: units of " + PLAN_CURRENCY.getCurrencyCode()
            + " per unit of the price's currency (e.g. 0.128 for CNY)";

    public ExchangeRate {
        problem(rate).ifPresent(p -> {
            throw new IllegalArgumentException("exchange rate " + p);
        });
    }

    /** Why {@code rate} is no exchange rate ({@link #RULE}, with the value); empty when it is one. */
    public static Optional<String> problem(double rate) {
        return Double.isFinite(rate) && rate > 0 ? Optional.empty() : Optional.of(RULE + ", was " + rate);
    }

    /** A price per unit in the price's own currency, in the plan currency. */
    public double toPlanCurrency(double price) {
        return price * rate;
    }

    /**
     * The price series in the plan currency: converted when it names another currency, as it is when it is in the
     * plan currency already or names none.
     */
    public TimeSeries toPlanCurrency(TimeSeries prices) {
        if (prices.measure() != Measure.PRICE) {
            throw new IllegalArgumentException(prices.name() + ": only prices are converted, this is "
                    + prices.measure());
        }
        if (prices.currency().isEmpty() || prices.currency().get().equals(PLAN_CURRENCY)) {
            return prices;
        }
        List<TimeSeries.Interval> out = new ArrayList<>(prices.intervals().size());
        for (TimeSeries.Interval v : prices.intervals()) {
            out.add(new TimeSeries.Interval(v.start(), v.end(), toPlanCurrency(v.value())));
        }
        return new TimeSeries(prices.name(), prices.measure(), Optional.of(PLAN_CURRENCY), out);
    }

    /** "converted from CNY at 0.128 EUR/CNY". */
    public String describe(Currency from) {
        return "converted from " + from.getCurrencyCode() + " at " + BigDecimal.valueOf(rate).stripTrailingZeros()
                .toPlainString() + " " + PLAN_CURRENCY.getCurrencyCode() + "/" + from.getCurrencyCode();
    }
}
