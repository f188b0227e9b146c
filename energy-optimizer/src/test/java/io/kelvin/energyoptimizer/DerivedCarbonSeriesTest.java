package io.kelvin.energyoptimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kelvin.energyoptimizer.scenario.Scenario;
import io.kelvin.energyoptimizer.scenario.ScenarioFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The matrix's second carbon series, derived from Berlin's measured PV output (data/derived/SOURCE.txt): the
 * committed file is exactly what its stated derivation gives, and the scenarios that use it place it on
 * Berlin's clock (the matrix goal on a day of one of them is guarded in {@code ScenarioTest}).
 */
class DerivedCarbonSeriesTest {

    private static final Path DATA = Path.of("../data");

    @Test
    void everyHourOfTheDerivedSeriesIsFiveHundredGramsLessSixtyPercentOfTheHoursMeanBerlinPvOutput() throws IOException {
        // The input: 5-minute normalised PV, offset seconds from 2022-06-08T00:00Z, one column per city.
        List<String> solar = Files.readAllLines(DATA.resolve("vessim/solar_example.csv"));
        int berlin = List.of(solar.get(0).split(",")).indexOf("Berlin");
        Map<Long, double[]> hours = new TreeMap<>(); // hour -> {sum, count}
        for (String line : solar.subList(1, solar.size())) {
            String[] cells = line.split(",");
            double[] h = hours.computeIfAbsent(Long.parseLong(cells[0]) / 3600, k -> new double[2]);
            h[0] += Double.parseDouble(cells[berlin]);
            h[1]++;
        }
        List<String> derived = Files.readAllLines(DATA.resolve("derived/berlin-pv-carbon.csv"));
        assertThat(derived.get(0)).isEqualTo("time,g_per_kwh,pv_share");
        assertThat(derived).hasSize(1 + (int) hours.values().stream().filter(h -> h[1] == 12).count());
        Instant origin = Instant.parse("2022-06-08T00:00:00Z");
        for (String line : derived.subList(1, derived.size())) {
            String[] cells = line.split(",");
            long hour = (Instant.parse(cells[0]).getEpochSecond() - origin.getEpochSecond()) / 3600;
            double[] h = hours.get(hour);
            double share = 0.6 * h[0] / h[1];
            assertThat(Double.parseDouble(cells[2])).as(cells[0]).isCloseTo(share, within(5e-5));
            assertThat(Double.parseDouble(cells[1])).as(cells[0]).isCloseTo(500 * (1 - share), within(0.05));
        }
    }

    @Test
    void theGermanMatrixScenariosReadTheDerivedSeriesOnBerlinsClock() {
        for (String name : List.of("w05-load60-slack12-dr-pv-de", "w50-load70-slack24-nodr-nopv-de")) {
            Scenario s = ScenarioFile.load(Path.of("scenarios/matrix/" + name + ".yaml"), Map.of());
            double[] carbon = s.forecast().carbonGPerKwh();
            // Slot 0 is midnight in Berlin (22:00Z): no PV, the non-solar mix alone.
            assertThat(carbon[0]).as(name).isEqualTo(500.0);
            // Slot 48 is noon in Berlin, 2022-06-15T10:00Z: that hour's row, 245.4 g/kWh.
            assertThat(carbon[48]).as(name).isEqualTo(245.4);
            assertThat(s.zone().getId()).isEqualTo("Europe/Berlin");
        }
    }
}
