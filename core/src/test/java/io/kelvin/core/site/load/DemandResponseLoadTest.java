package io.kelvin.core.site.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.kelvin.core.site.DemandResponse;
import io.kelvin.core.site.Site;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site file's {@code demandResponse:} section (the OpenADR VEN settings). */
class DemandResponseLoadTest {

    private static final String SECTION = """
            demandResponse:
              vtnUrl: https://vtn.example.com/openadr3/3.1.0
              clientId: kelvin-ven
              secretEnv: KELVIN_VTN_SECRET
              venName: demo-aidc
              targets: [group-1]
              pollInterval: 30s
              callbackUrl: https://kelvin.example.com/openadr/callback
              programs:
                - { name: CPP-2026, simpleLevelsKw: { 1: 9000, 2: 7500, 3: 6000 }, emergencyCapKw: 5000 }
                - { name: Prices, hard: false }
              resources:
                - { name: site-main, meters: [M-GRID] }
            """;

    /** The demo site's own section, replaced by each test's. */
    private static final String DEMO_DR_SECTION = "(?m)^demandResponse:\\R(?:[ \\t].*\\R?|\\R)*";

    @TempDir
    Path tmp;

    private int copies;

    private Path site(String section) throws IOException {
        Path root = SiteConfigsFolder.copyTo(tmp.resolve("configs-" + copies++));
        Path file = root.resolve("sites/demo-aidc.yaml");
        Files.writeString(file, Files.readString(file).replaceAll(DEMO_DR_SECTION, "") + "\n" + section);
        return file;
    }

    @Test
    void aDemandResponseSectionIsReadWithDefaultsAndTheProgramMapping() throws IOException {
        Site site = SiteLoader.load(site(SECTION));

        DemandResponse dr = site.demandResponse().orElseThrow();
        assertThat(dr.vtnUrl()).contains(URI.create("https://vtn.example.com/openadr3/3.1.0"));
        assertThat(dr.secretEnv()).contains("KELVIN_VTN_SECRET");
        assertThat(dr.pollInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(dr.requestTimeout()).as("default").isEqualTo(Duration.ofSeconds(10));
        assertThat(dr.program("CPP-2026").orElseThrow().simpleLevelsKw()).isEqualTo(Map.of(1, 9000.0, 2, 7500.0, 3, 6000.0));
        assertThat(dr.program("CPP-2026").orElseThrow().hard()).as("caps are hard unless said").isTrue();
        assertThat(dr.program("Prices").orElseThrow().hard()).isFalse();
        assertThat(dr.resources()).containsExactly(new DemandResponse.Resource("site-main", List.of("M-GRID")));
        assertThat(dr.tokenUrl()).isEqualTo(Optional.empty());
        assertThat(dr.gridApi()).as("the grid API is on unless said").isTrue();
    }

    private static final String GRID_ONLY = """
            demandResponse:
              gridApi: true
              venName: demo-aidc
              programs:
                - { name: CPP-2026, simpleLevelsKw: { 1: 9000 } }
              resources:
                - { name: site-main, meters: [M-GRID] }
            """;

    @Test
    void aSectionWithoutAVtnConfiguresOnlyTheGridApi() throws IOException {
        DemandResponse dr = SiteLoader.load(site(GRID_ONLY)).demandResponse().orElseThrow();

        assertThat(dr.hasVtn()).isFalse();
        assertThat(dr.vtnUrl()).isEmpty();
        assertThat(dr.clientId()).isEmpty();
        assertThat(dr.gridApi()).isTrue();
        assertThat(dr.venName()).isEqualTo("demo-aidc");
        assertThat(dr.program("CPP-2026").orElseThrow().simpleLevelsKw()).isEqualTo(Map.of(1, 9000.0));
        assertThat(dr.resources()).containsExactly(new DemandResponse.Resource("site-main", List.of("M-GRID")));
    }

    @Test
    void aSectionWithNeitherAVtnNorTheGridApiIsRefused() throws IOException {
        assertThatThrownBy(() -> SiteLoader.load(site(GRID_ONLY.replace("gridApi: true", "gridApi: false"))))
                .isInstanceOf(SiteConfigException.class)
                .hasMessageContaining("demo-aidc.yaml: demandResponse: needs vtnUrl (a VTN to poll) or gridApi: true");
    }

    @Test
    void vtnClientFieldsWithoutAVtnAreNamedAsProblems() throws IOException {
        String bad = GRID_ONLY.replace("gridApi: true", "clientId: kelvin-ven\n  secretEnv: KELVIN_VTN_SECRET\n  pollInterval: 30s");

        assertThatThrownBy(() -> SiteLoader.load(site(bad))).isInstanceOf(SiteConfigException.class)
                .hasMessageContaining("demo-aidc.yaml: demandResponse.clientId: only goes with vtnUrl")
                .hasMessageContaining("demandResponse.secretEnv: only goes with vtnUrl")
                .hasMessageContaining("demandResponse.pollInterval: only goes with vtnUrl");
    }

    @Test
    void aGridOnlySectionStillNeedsItsVenNameAndProgramsChecked() throws IOException {
        String bad = GRID_ONLY.replace("  venName: demo-aidc\n", "").replace("{ 1: 9000 }", "{ 0: 100 }");

        assertThatThrownBy(() -> SiteLoader.load(site(bad))).isInstanceOf(SiteConfigException.class)
                .hasMessageContaining("demandResponse.venName")
                .hasMessageContaining("demandResponse.programs[0].simpleLevelsKw.0: SIMPLE levels are 1, 2 or 3");
    }

    @Test
    void aSiteWithoutTheSectionTakesNoPartInDemandResponse() throws IOException {
        assertThat(SiteLoader.load(site("")).demandResponse()).isEmpty();
    }

    @Test
    void theDemoSiteTakesEventsOnlyThroughTheGridApi() {
        DemandResponse dr = SiteLoader.load(SiteConfigsFolder.root().resolve("sites/demo-aidc.yaml")).demandResponse()
                .orElseThrow();

        assertThat(dr.hasVtn()).isFalse();
        assertThat(dr.gridApi()).isTrue();
        assertThat(dr.program("CPP-2026")).isPresent();
    }

    @Test
    void everyProblemOfTheSectionIsNamedWithFileAndPath() throws IOException {
        String bad = SECTION.replace("secretEnv: KELVIN_VTN_SECRET", "secret: hunter2")
                .replace("https://vtn.example.com/openadr3/3.1.0", "ftp://vtn")
                .replace("{ 1: 9000, 2: 7500, 3: 6000 }", "{ 4: 100 }")
                .replace("meters: [M-GRID]", "meters: [M-NOPE]")
                .replace("- { name: Prices, hard: false }", "- { name: CPP-2026 }");

        assertThatThrownBy(() -> SiteLoader.load(site(bad))).isInstanceOf(SiteConfigException.class)
                .hasMessageContaining("demo-aidc.yaml: demandResponse.secret: unknown field")
                .hasMessageContaining("demandResponse: needs exactly one of secretEnv (an environment variable) or secretFile")
                .hasMessageContaining("demandResponse.vtnUrl: 'ftp://vtn' must be an http:// or https:// URL with a host")
                .hasMessageContaining("demandResponse.programs[0].simpleLevelsKw.4: SIMPLE levels are 1, 2 or 3")
                .hasMessageContaining("demandResponse.programs[1].name: program 'CPP-2026' is listed twice")
                .hasMessageContaining("demandResponse.resources[0].meters[0]: no meter 'M-NOPE' in this site");
    }

    @Test
    void theSiteSchemaAcceptsTheSectionAndRefusesASecretWrittenInIt() throws IOException {
        var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(SiteConfigsFolder.root().resolve("schema/site.schema.json")));
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        assertThat(schema.validate(yaml.readTree(site(SECTION).toFile()))).isEmpty();
        assertThat(schema.validate(yaml.readTree(site(SECTION.replace("secretEnv: KELVIN_VTN_SECRET", "secret: x")).toFile())))
                .isNotEmpty();
        assertThat(schema.validate(yaml.readTree(site(GRID_ONLY).toFile()))).as("grid API only").isEmpty();
    }
}
