package io.kelvin.energyoptimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kelvin.energyoptimizer.scenario.Scenario;
import io.kelvin.energyoptimizer.scenario.ScenarioException;
import io.kelvin.energyoptimizer.scenario.ScenarioFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scenario's carbon and price series may be files saved in a feed's own shape (the GB Carbon Intensity
 * API's JSON and the other formats core/series reads), named with {@code format:} as site files name them.
 */
class ScenarioFeedSeriesTest {

    private static final Path REFERENCE = Path.of("scenarios/reference.yaml");
    private static final Instant FIRST = Instant.parse("2023-06-08T00:00:00Z");
    private static final int PERIODS = 144;

    /** The reference scenario with absolute data paths and {@code carbon} replaced by {@code carbonSection}. */
    private static Path scenarioWith(Path dir, String carbonSection, String extra) throws IOException {
        String reference = Files.readString(REFERENCE).replace("../../data/", REFERENCE.toAbsolutePath().getParent()
                .resolve("../../data/").normalize() + "/");
        int from = reference.indexOf("  carbon:\n");
        int to = reference.indexOf("  price:");
        assertThat(from).isPositive();
        assertThat(to).isGreaterThan(from);
        Path file = dir.resolve("feed-carbon.yaml");
        Files.writeString(file, reference.substring(0, from) + carbonSection + reference.substring(to) + extra);
        return file;
    }

    /**
     * Three days of half hours as the national {@code /intensity/{from}/{to}} endpoint answers: the actual
     * intensity is 200 + the period's index, except every tenth period, which has only its forecast (900 + index).
     */
    private static Path gbAnswer(Path dir) throws IOException {
        StringBuilder json = new StringBuilder("{\"data\":[");
        for (int p = 0; p < PERIODS; p++) {
            Instant a = FIRST.plus(Duration.ofMinutes(30L * p));
            String actual = p % 10 == 0 ? "null" : String.valueOf(200 + p);
            json.append(p == 0 ? "" : ",").append("{\"from\":\"").append(a.toString().replace(":00Z", "Z"))
                    .append("\",\"to\":\"").append(a.plus(Duration.ofMinutes(30)).toString().replace(":00Z", "Z"))
                    .append("\",\"intensity\":{\"forecast\":").append(900 + p).append(",\"actual\":").append(actual)
                    .append(",\"index\":\"moderate\"}}");
        }
        Path file = dir.resolve("gb-intensity.json");
        Files.writeString(file, json.append("]}").toString());
        return file;
    }

    @Test
    void aScenarioReadsItsCarbonFromAGbCarbonIntensityApiAnswerSavedAsItCameTakingActualsElseForecasts(@TempDir Path dir)
            throws IOException {
        Path answer = gbAnswer(dir);
        Path file = scenarioWith(dir, """
                  carbon:
                    file: %s
                    format: carbonintensity-uk
                    from: 2023-06-08T00:00:00Z
                """.formatted(answer), "");

        Scenario s = ScenarioFile.load(file, Map.of("days", "1"));

        double[] carbon = s.forecast().carbonGPerKwh();
        int slotsInFile = PERIODS * 2;
        assertThat(carbon.length).isGreaterThan(slotsInFile);
        for (int t = 0; t < carbon.length; t++) {
            int p = (t % slotsInFile) / 2;     // two 15-minute slots per half-hour period; the file repeats after it ends
            double expected = p % 10 == 0 ? 900 + p : 200 + p;
            assertThat(carbon[t]).as("slot %d", t).isEqualTo(expected);
        }

        Scenario forecasts = ScenarioFile.load(file, Map.of("days", "1", "series.carbon.value", "forecast"));
        assertThat(forecasts.forecast().carbonGPerKwh()[2 * 7]).isEqualTo(907);
    }

    @Test
    void aFeedFileIsPlacedFromItsFromInstantLikeACsvFile(@TempDir Path dir) throws IOException {
        Path answer = gbAnswer(dir);
        Path file = scenarioWith(dir, """
                  carbon: { file: %s, format: carbonintensity-uk, from: 2023-06-09T00:00:00Z }
                """.formatted(answer), "");

        double[] carbon = ScenarioFile.load(file, Map.of("days", "1")).forecast().carbonGPerKwh();

        // Slot 0 is period 48 (the second day's first half hour); after the file's last period it starts over there.
        assertThat(carbon[0]).isEqualTo(248);
        assertThat(carbon[1]).isEqualTo(248);
        assertThat(carbon[2]).isEqualTo(249);
        assertThat(carbon[(PERIODS - 48) * 2]).isEqualTo(248);
    }

    @Test
    void aFeedFormatThatDoesNotFitItsSeriesOrItsFileIsRefusedNamingFileAndField(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"zone\":\"DE\",\"history\":[{\"datetime\":\"yesterday\",\"carbonIntensity\":300}]}");
        Path file = scenarioWith(dir, """
                  carbon: { file: %s, format: electricitymaps, unit: g/kWh }
                """.formatted(broken), "");
        String text = Files.readString(file)
                .replaceFirst("(?s)  price:.*?0\\.20, 0\\.20\\]\n", "  price: { file: " + broken + ", format: carbonintensity-uk }\n")
                .replaceFirst("(?s)  pv:\n.*?kwp: 10000[^\n]*\n", "  pv: { file: " + broken + ", format: watttime, kwp: 1000 }\n");
        Files.writeString(file, text);

        assertThatThrownBy(() -> ScenarioFile.load(file, Map.of("days", "1")))
                .isInstanceOf(ScenarioException.class)
                .satisfies(e -> assertThat(((ScenarioException) e).problems())
                        .contains(file + ": series.carbon.unit: does not belong to format 'electricitymaps' (its answers"
                                        + " carry their own)",
                                file + ": series.price.format: 'carbonintensity-uk' gives carbon, not price",
                                file + ": series.pv.format: 'watttime' is not a fraction series: only csv is read here")
                        .anySatisfy(p -> assertThat(p).startsWith(file + ": series.carbon.file: ")
                                .contains("history[0]")));
    }

    @Test
    void aPriceExportOfTheEntsoeTransparencyPlatformReadsWithItsIntervalCellsItsByteOrderMarkAndSemicolons(@TempDir Path dir)
            throws IOException {
        Path export = dir.resolve("Day-ahead Prices_202509302200-202510010045.csv");
        Files.writeString(export, """
                \uFEFF"MTU (CET/CEST)";"Day-ahead Price [EUR/MWh]";"Currency";"BZN|DE-LU"
                "30.09.2025 22:00 - 30.09.2025 23:00";"100";"EUR";""
                "30.09.2025 23:00 - 01.10.2025 00:00";"200";"EUR";""
                "01.10.2025 00:00 - 01.10.2025 00:15";"40";"EUR";""
                "01.10.2025 00:15 - 01.10.2025 00:30";"80";"EUR";""
                "01.10.2025 00:30 - 01.10.2025 00:45";"n/e";"EUR";""
                """);
        Path file = scenarioWith(dir, "  carbon: { value: 300 }\n", "");
        String price = """
                  price:
                    file: "%s"
                    time: { column: "MTU (CET/CEST)", format: "dd.MM.yyyy HH:mm", zone: Europe/Berlin, label: interval }
                    column: "Day-ahead Price [EUR/MWh]"
                    unit: EUR/MWh
                    delimiter: ";"
                    from: 2025-09-30T20:00:00Z
                """.formatted(export);
        Files.writeString(file, Files.readString(file).replaceFirst("(?s)  price:.*?0\\.20, 0\\.20\\]\n",
                java.util.regex.Matcher.quoteReplacement(price)));

        double[] eurPerKwh = ScenarioFile.load(file, Map.of("days", "1")).forecast().priceEurPerKwh();

        // 22:00-23:00 CEST is 20:00-21:00 UTC: two hourly rows of four slots each, then two quarter hours;
        // the "n/e" quarter is no value, so the file's ten slots repeat from slot 10.
        assertThat(java.util.Arrays.copyOf(eurPerKwh, 11))
                .containsExactly(0.1, 0.1, 0.1, 0.1, 0.2, 0.2, 0.2, 0.2, 0.04, 0.08, 0.1);
    }

    @Test
    void anIntervalLabelWithAResolutionABadDelimiterOrDecimalOrARowChoiceWithoutValuesIsRefusedNamingTheField(@TempDir Path dir) throws IOException {
        Path file = scenarioWith(dir, "  carbon: { value: 300 }\n", "");
        String price = """
                  price:
                    file: prices.csv
                    time: { column: mtu, format: "dd.MM.yyyy HH:mm", label: interval, resolutionMinutes: 60 }
                    column: price
                    unit: EUR/MWh
                    delimiter: ";;"
                    only: { column: Area }
                    decimal: ";"
                """;
        Files.writeString(file, Files.readString(file).replaceFirst("(?s)  price:.*?0\\.20, 0\\.20\\]\n",
                java.util.regex.Matcher.quoteReplacement(price)));

        assertThatThrownBy(() -> ScenarioFile.load(file, Map.of("days", "1")))
                .isInstanceOf(ScenarioException.class)
                .satisfies(e -> assertThat(((ScenarioException) e).problems()).contains(
                        file + ": series.price.time.resolutionMinutes: with label interval each row's time cell gives its"
                                + " interval; leave it out",
                        file + ": series.price.delimiter: must be one character or tab, was ';;'",
                        file + ": series.price.only.values: required: a list of the column's values whose rows are taken",
                        file + ": series.price.decimal: must be '.' or ',', was ';'"));
    }
}
