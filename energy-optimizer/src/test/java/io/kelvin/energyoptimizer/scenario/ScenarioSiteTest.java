package io.kelvin.energyoptimizer.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.kelvin.energyoptimizer.model.CoolingModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scenario's site of any size gets a cooling plant of its size, and one that cannot even idle is refused. */
class ScenarioSiteTest {

    @TempDir
    Path dir;

    /** A one-day scenario of two jobs on {@code site}, with {@code more} keys. */
    private Path scenario(String site, String more) throws IOException {
        Files.writeString(dir.resolve("trace.csv"), """
                id,submit,length
                a,0,3600
                b,600,1800
                """);
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, """
                start: 2020-07-01T00:00:00Z
                zone: UTC
                days: 1
                site: %s
                jobs:
                  file: trace.csv
                  arrival: { column: submit }
                  duration: { column: length }
                  gpusPerUnit: 8
                series:
                  carbon: { value: 400 }
                  price: { value: 0.1 }
                  ambient: { meanC: 20, swingC: 5, warmestHour: 15 }
                %s
                """.formatted(site, more));
        return file;
    }

    @Test
    void aSmallSitesCoolingPlantIsTheReferenceHallsSizedToItsFullLoadAndAnyOfItsValuesMayBeGiven() throws IOException {
        // 64 GPUs at 0.95 kW: 60.8 kW of IT at full load, 1/160 of the reference hall's 9,728 kW.
        Scenario s = ScenarioFile.load(scenario("{ gpus: 64, idleKwPerGpu: 0.25, activeKwPerGpu: 0.95, importLimitKw: 100 }",
                ""), Map.of());
        CoolingModel reference = CoolingModel.liquidCooledDefault();
        assertThat(s.cooling().fixedKw()).isCloseTo(reference.fixedKw() / 160, within(1e-9));
        assertThat(s.cooling().kneeKw()).isCloseTo(reference.kneeKw() / 160, within(1e-9));
        assertThat(s.cooling().baseFraction()).isEqualTo(reference.baseFraction());

        Scenario given = ScenarioFile.load(scenario("{ gpus: 64, idleKwPerGpu: 0.25, activeKwPerGpu: 0.95,"
                + " importLimitKw: 100 }", "cooling: { fixedKw: 5, baseFraction: 0.1 }"), Map.of());
        assertThat(given.cooling().fixedKw()).isEqualTo(5);
        assertThat(given.cooling().baseFraction()).isEqualTo(0.1);
        assertThat(given.cooling().kneeKw()).isCloseTo(reference.kneeKw() / 160, within(1e-9));
    }

    @Test
    void theReferenceHallsSiteKeepsTheReferencePlant() throws IOException {
        Scenario s = ScenarioFile.load(scenario("{ gpus: 10240, idleKwPerGpu: 0.25, activeKwPerGpu: 0.95,"
                + " importLimitKw: 12000 }", "description: the reference hall, with notes left alone\n"
                + "x-defaults: { note: an extension key for YAML anchors }"), Map.of());
        assertThat(s.cooling()).isEqualTo(CoolingModel.liquidCooledDefault());
    }

    @Test
    void anImportLimitBelowWhatTheIdleSiteDrawsIsRefusedWithWhatItDraws() throws IOException {
        // 16 GPUs idle at 4 kW; the reference hall's 150 kW of fixed cooling, given, on top.
        Path file = scenario("{ gpus: 16, idleKwPerGpu: 0.25, activeKwPerGpu: 0.95, importLimitKw: 40 }",
                "cooling: { fixedKw: 150 }");

        assertThatThrownBy(() -> ScenarioFile.load(file, Map.of()))
                .isInstanceOf(ScenarioException.class)
                .satisfies(e -> assertThat(((ScenarioException) e).problems()).containsExactly(
                        file + ": site.importLimitKw: 40.0 kW is below what the idle site draws with no PV or wind"
                                + " (4.0 kW of idle GPUs and 150.2 kW of cooling at least): no plan can keep it; raise"
                                + " it, or give the cooling plant (cooling.fixedKw)"));
    }
}
