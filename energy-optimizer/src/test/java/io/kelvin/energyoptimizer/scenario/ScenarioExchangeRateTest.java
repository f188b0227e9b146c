package io.kelvin.energyoptimizer.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scenario's price series in another currency, converted at the exchange rate the file gives. */
class ScenarioExchangeRateTest {

    private static final Path REFERENCE = Path.of("scenarios/reference.yaml");
    private static final Instant START = Instant.parse("2022-06-08T00:00:00Z");
    private static final String RULE = "must be a finite number > 0: units of EUR per unit of the price's currency"
            + " (e.g. 0.128 for CNY)";

    @TempDir
    Path dir;

    /** The reference scenario (its data paths made absolute) with {@code price} as its price section. */
    private Path withPrice(String price) throws IOException {
        String reference = Files.readString(REFERENCE).replace("../../data/", REFERENCE.toAbsolutePath().getParent()
                .resolve("../../data/").normalize() + "/");
        String text = reference.replaceFirst("(?s)  price:.*?\n  pv:\n", "  price: " + price + "\n  pv:\n");
        Path file = dir.resolve("priced.yaml");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void aCsvPriceSeriesInYuanIsConvertedToEurosAtTheGivenRate() throws IOException {
        StringBuilder csv = new StringBuilder("time,cny\n");
        for (int h = 0; h < 48; h++) {
            csv.append(START.plus(Duration.ofHours(h))).append(',').append(0.5 + h * 0.01).append('\n');
        }
        Path prices = dir.resolve("cny.csv");
        Files.writeString(prices, csv);

        Scenario s = ScenarioFile.load(withPrice("{ file: " + prices + ", time: { column: time }, column: cny,"
                + " unit: CNY/kWh, exchangeRate: 0.128 }"), Map.of("days", "1"));

        double[] eur = s.forecast().priceEurPerKwh();
        assertThat(eur[0]).isCloseTo(0.5 * 0.128, within(1e-12));
        assertThat(eur[4 * 10 + 3]).isCloseTo(0.6 * 0.128, within(1e-12));
    }

    @Test
    void anHourlyProfileInYuanIsConvertedAndWithoutARateIsUsedAsGiven() throws IOException {
        String hourly = "hourly: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]";

        Scenario converted = ScenarioFile.load(withPrice("{ " + hourly + ", currency: CNY, exchangeRate: 0.125 }"),
                Map.of("days", "1"));
        Scenario asGiven = ScenarioFile.load(withPrice("{ " + hourly + " }"), Map.of("days", "1"));

        assertThat(converted.forecast().priceEurPerKwh()).containsOnly(0.125, 0.25);
        assertThat(asGiven.forecast().priceEurPerKwh()).containsOnly(1.0, 2.0);
    }

    @Test
    void anEntsoePriceAnswerInZlotyIsConvertedAtTheGivenRateAndWithoutOneIsUsedAsGiven() throws IOException {
        Path answer = dir.resolve("pln.xml");
        Files.writeString(answer, io.kelvin.testkit.EntsoeAnswers.hourly(START, 48, "PLN", 400));

        Scenario converted = ScenarioFile.load(withPrice("{ file: " + answer + ", format: entsoe, exchangeRate: 0.23 }"),
                Map.of("days", "1"));
        Scenario asGiven = ScenarioFile.load(withPrice("{ file: " + answer + ", format: entsoe }"), Map.of("days", "1"));

        // Slot 0 is the first hour: 401 PLN/MWh; slot 9 the third hour: 403 PLN/MWh.
        assertThat(converted.forecast().priceEurPerKwh()[0]).isCloseTo(0.401 * 0.23, within(1e-12));
        assertThat(converted.forecast().priceEurPerKwh()[9]).isCloseTo(0.403 * 0.23, within(1e-12));
        assertThat(asGiven.forecast().priceEurPerKwh()[0]).isCloseTo(0.401, within(1e-12));
    }

    @Test
    void aBadExchangeRateIsNamedWithFileAndPath() throws IOException {
        for (String[] bad : new String[][] {
            {"currency: CNY, exchangeRate: -0.128", "series.price.exchangeRate: " + RULE + ", was -0.128"},
            {"currency: CNY, exchangeRate: NaN", "series.price.exchangeRate: " + RULE + ", was NaN"},
            {"currency: CNY, exchangeRate: 0", "series.price.exchangeRate: " + RULE + ", was 0"},
            {"exchangeRate: 0.128", "series.price.currency: an exchangeRate converts from the series' currency"},
            {"currency: EUR, exchangeRate: 0.128", "series.price.exchangeRate: the prices are in EUR already"},
            {"currency: XYZ1, exchangeRate: 0.128", "series.price.currency: 'XYZ1' is not an ISO 4217 currency code"},
        }) {
            Path file = withPrice("{ value: 1, " + bad[0] + " }");

            assertThatThrownBy(() -> ScenarioFile.load(file, Map.of("days", "1"))).as(bad[0])
                    .isInstanceOf(ScenarioException.class)
                    .satisfies(e -> assertThat(((ScenarioException) e).problems())
                            .anySatisfy(p -> assertThat(p).startsWith(file + ": " + bad[1])));
        }
    }
}
