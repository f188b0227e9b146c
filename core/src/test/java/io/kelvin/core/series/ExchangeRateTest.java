package io.kelvin.core.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExchangeRateTest {

    private static final Instant T0 = Instant.parse("2026-12-07T00:00:00Z");
    private static final Instant T1 = Instant.parse("2026-12-07T01:00:00Z");
    private static final Instant T2 = Instant.parse("2026-12-07T02:00:00Z");

    private static TimeSeries prices(String currency) {
        return new TimeSeries("p", Measure.PRICE, Optional.ofNullable(currency).map(Currency::getInstance),
                List.of(new TimeSeries.Interval(T0, T1, 0.5), new TimeSeries.Interval(T1, T2, -0.25)));
    }

    @Test
    void pricesInAnotherCurrencyAreConvertedToEurosKeepingTheirIntervalsAndSign() {
        TimeSeries converted = new ExchangeRate(0.128).toPlanCurrency(prices("CNY"));

        assertThat(converted.currency()).contains(Currency.getInstance("EUR"));
        assertThat(converted.intervals()).extracting(TimeSeries.Interval::start).containsExactly(T0, T1);
        assertThat(converted.intervals().get(0).value()).isCloseTo(0.064, within(1e-15));
        assertThat(converted.intervals().get(1).value()).isCloseTo(-0.032, within(1e-15));
        assertThat(new ExchangeRate(0.128).describe(Currency.getInstance("CNY")))
                .isEqualTo("converted from CNY at 0.128 EUR/CNY");
    }

    @Test
    void pricesInEurosOrWithoutACurrencyAreLeftAsTheyAre() {
        assertThat(new ExchangeRate(0.128).toPlanCurrency(prices("EUR"))).isEqualTo(prices("EUR"));
        assertThat(new ExchangeRate(0.128).toPlanCurrency(prices(null))).isEqualTo(prices(null));
    }

    @Test
    void aRateIsAFiniteNumberAboveZero() {
        for (double bad : new double[] {0, -0.128, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThat(ExchangeRate.problem(bad)).as("%s", bad).hasValue(ExchangeRate.RULE + ", was " + bad);
            assertThatThrownBy(() -> new ExchangeRate(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(ExchangeRate.problem(1e-9)).isEmpty();
    }

    @Test
    void onlyPricesAreConverted() {
        TimeSeries carbon = new TimeSeries("c", Measure.CARBON_INTENSITY, Optional.empty(),
                List.of(new TimeSeries.Interval(T0, T1, 300)));

        assertThatThrownBy(() -> new ExchangeRate(2).toPlanCurrency(carbon)).hasMessageContaining("only prices");
    }
}
