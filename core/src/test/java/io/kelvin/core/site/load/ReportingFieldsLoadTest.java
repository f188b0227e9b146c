package io.kelvin.core.site.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kelvin.core.site.Counter;
import io.kelvin.core.site.CounterUnit;
import io.kelvin.core.site.Meter;
import io.kelvin.core.site.MeterReplacement;
import io.kelvin.core.site.RenewableContract;
import io.kelvin.core.site.Reporting;
import io.kelvin.core.site.Site;
import io.kelvin.core.telemetry.PointId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Counters, meter replacements, renewable contracts, carbon factors and reporting fields of a site file. */
class ReportingFieldsLoadTest {

    @TempDir
    Path tmp;

    @Test
    void theDemoSiteDeclaresCountersWithUnitsFromTheProfilesAndUint32Rollovers() {
        Site site = SiteLoader.load(SiteConfigsFolder.root().resolve("sites/demo-aidc.yaml"));

        Counter grid = meter(site, "M-GRID").counter().orElseThrow();
        assertThat(grid.unit()).isEqualTo(CounterUnit.KWH);
        assertThat(grid.reversePoint()).contains(PointId.of("meter-grid", "export_energy_kwh"));
        // a uint32 register wraps at 2^32
        assertThat(meter(site, "M-PV-01").counter().orElseThrow().rollover().getAsDouble()).isEqualTo(4294967296.0);
        assertThat(meter(site, "M-WATER").counter().orElseThrow().unit()).isEqualTo(CounterUnit.M3);
        assertThat(site.renewables()).extracting(RenewableContract::instrument).containsExactly(RenewableContract.Instrument.GEC);
        assertThat(site.reporting().type()).contains(Reporting.DataCentreType.COLOCATION);
        assertThat(site.grid().carbon().orElseThrow().locationKgPerKwh().getAsDouble()).isEqualTo(0.5366);
    }

    @Test
    void replacementsAreReadInTheSiteTimeZoneWithTheirReadings() throws IOException {
        Path file = edit("counter: { point: hvdc-01.output_energy_kwh } }",
                "counter: { point: hvdc-01.output_energy_kwh },\n      replacements: [ { at: \"2026-03-01T10:00\", oldFinal: 1200.5, newFirst: 3 } ] }");

        MeterReplacement replacement = meter(SiteLoader.load(file), "M-IT-A").replacements().get(0);

        // Asia/Shanghai is UTC+8
        assertThat(replacement.at()).isEqualTo(Instant.parse("2026-03-01T02:00:00Z"));
        assertThat(replacement.readings()).isEqualTo(new MeterReplacement.Readings(1200.5, 3));
    }

    @Test
    void aCounterUnitThatContradictsTheProfileIsRejected() throws IOException {
        Path file = edit("counter: { point: hvdc-01.output_energy_kwh }", "counter: { point: hvdc-01.output_energy_kwh, unit: mwh }");
        assertThatThrownBy(() -> SiteLoader.load(file)).hasMessageContaining(
                "sites/demo-aidc.yaml: meters[1].counter.unit: 'mwh' differs from the unit of hvdc-01.output_energy_kwh in its profile (kWh)");
    }

    @Test
    void aWaterMeterCannotCountEnergy() throws IOException {
        Path file = edit("counter: { point: meter-water.volume_m3, rollover: 4294967.296 }",
                "counter: { point: meter-grid.import_energy_kwh }");
        assertThatThrownBy(() -> SiteLoader.load(file))
                .hasMessageContaining("meters[13].counter.unit: a water meter counts water, not kwh");
    }

    @Test
    void aReplacementOfACounterWithAReversePointNeedsReverseReadings() throws IOException {
        Path file = edit("reversePoint: meter-grid.export_energy_kwh } }",
                "reversePoint: meter-grid.export_energy_kwh },\n      replacements: [ { at: \"2026-03-01T10:00:00+08:00\", oldFinal: 10, newFirst: 0 } ] }");
        assertThatThrownBy(() -> SiteLoader.load(file))
                .hasMessageContaining("meters[0].replacements[0].reverse: is required: the counter has a reversePoint");
    }

    @Test
    void replacementsMustComeInTimeOrderAndReadBelowTheRollover() throws IOException {
        Path file = edit("counter: { point: pv-inv-01.energy_kwh, rollover: 4294967296 } }",
                "counter: { point: pv-inv-01.energy_kwh, rollover: 4294967296 }, replacements: ["
                        + " { at: \"2026-03-01T10:00\", oldFinal: 5000000000, newFirst: 0 },"
                        + " { at: \"2026-02-01T10:00\", oldFinal: 10, newFirst: 0 } ] }");
        assertThatThrownBy(() -> SiteLoader.load(file)).isInstanceOfSatisfying(SiteConfigException.class,
                e -> assertThat(e.problems()).extracting(ConfigProblem::toString).contains(
                        "sites/demo-aidc.yaml: meters[5].replacements[0].oldFinal: must be 0..4294967296, was 5000000000",
                        "sites/demo-aidc.yaml: meters[5].replacements[1].at: must be after the replacement before it"));
    }

    @Test
    void aRenewableContractNeedsCertificatesAndAnOrderedPeriod() throws IOException {
        Path file = edit("certificates: [GEC-DEMO-2026-000001-036000], mwh: 36000, from: 2026-01-01, to: 2026-12-31",
                "certificates: [], mwh: 36000, from: 2026-01-01, to: 2025-12-31");
        assertThatThrownBy(() -> SiteLoader.load(file)).isInstanceOfSatisfying(SiteConfigException.class,
                e -> assertThat(e.problems()).extracting(ConfigProblem::toString).contains(
                        "sites/demo-aidc.yaml: renewables[0].certificates: needs at least one certificate id: contracted "
                                + "renewable energy counts only with its certificates (ISO/IEC 30134-3)",
                        "sites/demo-aidc.yaml: renewables[0].to: is before from (2026-01-01)"));
    }

    @Test
    void badReportingFieldsAreNamed() throws IOException {
        Path file = edit("computerRoomFloorAreaM2: 6500", "computerRoomFloorAreaM2: 16500");
        Files.writeString(file, Files.readString(file).replace("commissioned: 2024-06-01", "commissioned: June 2024")
                .replace("locationKgPerKwh: 0.5366", "locationKgPerKwh: 536.6"));
        assertThatThrownBy(() -> SiteLoader.load(file)).isInstanceOfSatisfying(SiteConfigException.class,
                e -> assertThat(e.problems()).extracting(ConfigProblem::toString).contains(
                        "sites/demo-aidc.yaml: reporting.computerRoomFloorAreaM2: is larger than totalFloorAreaM2 (14000.0)",
                        "sites/demo-aidc.yaml: reporting.commissioned: must be a date like 2025-01-31, was 'June 2024'",
                        "sites/demo-aidc.yaml: grid.carbon.locationKgPerKwh: must be 0..2, was 536.6"));
    }

    @Test
    void theCompletenessThresholdAndStaleMultipleDefaultTo95PercentAndThreeAndAreReadFromReporting() throws IOException {
        Site demo = SiteLoader.load(SiteConfigsFolder.root().resolve("sites/demo-aidc.yaml"));
        assertThat(demo.reporting().completenessThreshold()).isEqualTo(0.95);
        assertThat(demo.reporting().freshness()).isEqualTo(io.kelvin.core.telemetry.Freshness.DEFAULT);

        Site set = SiteLoader.load(edit("reporting:\n", "reporting:\n  completenessThreshold: 0.9\n  staleMultiple: 5\n"));
        assertThat(set.reporting().completenessThreshold()).isEqualTo(0.9);
        assertThat(set.reporting().freshness().multiple()).isEqualTo(5);
    }

    @Test
    void aCompletenessThresholdOutside0To1OrAStaleMultipleBelow1IsRefusedWithFilePathAndReason() throws IOException {
        Path file = edit("reporting:\n", "reporting:\n  completenessThreshold: 95\n  staleMultiple: 0\n");

        assertThatThrownBy(() -> SiteLoader.load(file))
                .hasMessageContaining("sites/demo-aidc.yaml: reporting.completenessThreshold: must be 0..1, was 95")
                .hasMessageContaining("sites/demo-aidc.yaml: reporting.staleMultiple: ");
    }

    private Path edit(String from, String to) throws IOException {
        Path root = SiteConfigsFolder.copyTo(tmp.resolve("configs"));
        Path site = root.resolve("sites/demo-aidc.yaml");
        String text = Files.readString(site);
        assertThat(text).contains(from);
        Files.writeString(site, text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)));
        return site;
    }

    private static Meter meter(Site site, String id) {
        return site.meters().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }
}
