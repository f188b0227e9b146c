package io.kelvin.core.site.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kelvin.core.site.DataType;
import io.kelvin.core.site.DeviceClass;
import io.kelvin.core.site.MeterRole;
import io.kelvin.core.site.PueCategory;
import io.kelvin.core.site.Register;
import io.kelvin.core.site.RegisterType;
import io.kelvin.core.site.Site;
import io.kelvin.core.site.WordOrder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteLoaderTest {

    @TempDir
    Path tmp;

    @Test
    void everySiteUnderSiteConfigsLoads() throws IOException {
        try (Stream<Path> sites = Files.list(SiteConfigsFolder.root().resolve("sites"))) {
            List<Path> files = sites.filter(f -> f.toString().endsWith(".yaml")).toList();
            assertThat(files).isNotEmpty();
            files.forEach(file -> assertThat(SiteLoader.load(file).devices()).isNotEmpty());
        }
    }

    @Test
    void everyProfileUnderSiteConfigsLoads() throws IOException {
        Path root = SiteConfigsFolder.root();
        try (Stream<Path> profiles = Files.list(root.resolve("profiles"))) {
            List<String> ids = profiles.map(p -> p.getFileName().toString().replace(".yaml", "")).toList();
            assertThat(ids).hasSizeGreaterThanOrEqualTo(6);
            ids.forEach(id -> assertThat(SiteLoader.loadProfile(root, id).points()).isNotEmpty());
        }
    }

    @Test
    void demoSiteIsAPlausibleAiComputingCenter() {
        Site site = SiteLoader.load(SiteConfigsFolder.root().resolve("sites/demo-aidc.yaml"));

        assertThat(site.devices(DeviceClass.CDU)).hasSizeGreaterThanOrEqualTo(12);
        assertThat(site.devices(DeviceClass.CHILLER)).hasSizeBetween(3, 4);
        assertThat(site.devices(DeviceClass.HVDC)).hasSize(2);
        assertThat(site.devices(DeviceClass.PV)).hasSizeGreaterThanOrEqualTo(4);
        assertThat(site.devices(DeviceClass.WIND)).hasSizeBetween(1, 2);
        assertThat(site.devices(DeviceClass.HEAT_EXCHANGER)).isNotEmpty();
        // 8-10 MW of IT at full load: gpus x activeKwPerGpu
        assertThat(site.cluster().itPowerKw(1.0)).isBetween(8_000.0, 10_000.0);
        assertThat(site.meters(MeterRole.IT_LOAD)).allSatisfy(m -> assertThat(m.category()).contains(PueCategory.PUE1));
        assertThat(site.points()).hasSizeGreaterThanOrEqualTo(200);
    }

    @Test
    void profilesCoverEveryDataTypeAndWordOrder() throws IOException {
        Path root = SiteConfigsFolder.root();
        List<Register> registers;
        try (Stream<Path> profiles = Files.list(root.resolve("profiles"))) {
            registers = profiles.map(p -> SiteLoader.loadProfile(root, p.getFileName().toString().replace(".yaml", "")))
                    .flatMap(p -> p.points().stream()).flatMap(p -> p.register().stream()).toList();
        }
        assertThat(registers).extracting(Register::dataType).contains(DataType.INT16, DataType.UINT16,
                DataType.INT32, DataType.UINT32, DataType.FLOAT32, DataType.FLOAT64);
        assertThat(registers).filteredOn(r -> r.dataType().registers() > 1).extracting(Register::wordOrder)
                .contains(WordOrder.values());
        assertThat(registers).extracting(Register::type).contains(RegisterType.values());
        assertThat(registers).anySatisfy(r -> assertThat(r.offset()).isNotZero());
    }

    @Test
    void sunspecInverterProfilePutsAcPowerAtModel103Offset14() {
        // SunSpec model 103 starts at 40070 after "SunS" (40000) and model 1 (2 + 66 registers); W is offset 14.
        var profile = SiteLoader.loadProfile(SiteConfigsFolder.root(), "sunspec-inverter-103");
        assertThat(profile.point("ac_power_kw").flatMap(p -> p.register()).map(Register::address)).contains(40070 + 14);
    }

    // --- bad files: each names the file, the field path and the reason ---

    private Path brokenSite(String from, String to) throws IOException {
        Path root = SiteConfigsFolder.copyTo(tmp.resolve("configs"));
        Path site = root.resolve("sites/demo-aidc.yaml");
        String text = Files.readString(site);
        assertThat(text).contains(from);
        Files.writeString(site, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
        return site;
    }

    private Path brokenProfile(String profile, String from, String to) throws IOException {
        Path root = SiteConfigsFolder.copyTo(tmp.resolve("configs"));
        Path file = root.resolve("profiles/" + profile + ".yaml");
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
        return root.resolve("sites/demo-aidc.yaml");
    }

    @Test
    void unknownProfileIsReportedWhereItIsNamed() throws IOException {
        Path site = brokenSite("profile: acme-wind-2500", "profile: acme-wind-9000");
        assertThatThrownBy(() -> SiteLoader.load(site)).isInstanceOf(SiteConfigException.class)
                .hasMessageContaining("sites/demo-aidc.yaml: devices[23].profile: unknown profile 'acme-wind-9000'");
    }

    @Test
    void duplicateDeviceIdIsRejected() throws IOException {
        Path site = brokenSite("id: cdu-02,", "id: cdu-01,");
        assertThatThrownBy(() -> SiteLoader.load(site))
                .hasMessageContaining("sites/demo-aidc.yaml: devices[1].id: duplicate device id 'cdu-01' (first at devices[0])");
    }

    @Test
    void missingRequiredFieldIsNamed() throws IOException {
        Path site = brokenSite("  importLimitKw: 12000\n", "");
        assertThatThrownBy(() -> SiteLoader.load(site))
                .hasMessageContaining("sites/demo-aidc.yaml: grid.importLimitKw: is required");
    }

    @Test
    void unitIdOutsideModbusRangeIsRejected() throws IOException {
        Path site = brokenSite("port: 15020, unitId: 4 }", "port: 15020, unitId: 300 }");
        assertThatThrownBy(() -> SiteLoader.load(site))
                .hasMessageContaining("sites/demo-aidc.yaml: devices[15].unitId: must be 1..247, was 300");
    }

    @Test
    void aBadUnitIdIsReportedOnceWithoutAnEchoedAddressClash() throws IOException {
        Path site = brokenSite("port: 15020, unitId: 4 }", "port: 15020, unitId: 300 }");
        assertThatThrownBy(() -> SiteLoader.load(site)).isInstanceOfSatisfying(SiteConfigException.class,
                e -> assertThat(e.problems()).extracting(ConfigProblem::toString)
                        .containsExactly("sites/demo-aidc.yaml: devices[15].unitId: must be 1..247, was 300"));
    }

    @Test
    void twoDevicesOnTheSameModbusAddressAreRejected() throws IOException {
        Path site = brokenSite("port: 15020, unitId: 4 }", "port: 15020, unitId: 3 }");
        assertThatThrownBy(() -> SiteLoader.load(site))
                .hasMessageContaining("devices[15]: address 127.0.0.1:15020/3 is already used by devices[14]");
    }

    @Test
    void unknownWordOrderIsRejectedWithTheAllowedOnes() throws IOException {
        Path site = brokenProfile("acme-wind-2500", "wordOrder: CDAB }, range: { min: -50", "wordOrder: CADB }, range: { min: -50");
        assertThatThrownBy(() -> SiteLoader.load(site))
                .hasMessageContaining("profiles/acme-wind-2500.yaml: points[0].register.wordOrder: unknown value 'CADB' (expected one of abcd, cdab, badc, dcba)");
    }

    @Test
    void invertedSetpointLimitsAreRejected() throws IOException {
        Path site = brokenProfile("acme-cdu-800", "setpoint: { min: 20, max: 45 }", "setpoint: { min: 45, max: 20 }");
        assertThatThrownBy(() -> SiteLoader.load(site))
                .hasMessageContaining("profiles/acme-cdu-800.yaml: points[2].setpoint: min 45.0 is above max 20.0");
    }

    @Test
    void unknownMeterRoleIsRejected() throws IOException {
        Path site = brokenSite("role: heat_export", "role: heat_import");
        assertThatThrownBy(() -> SiteLoader.load(site))
                .hasMessageContaining("sites/demo-aidc.yaml: meters[12].role: unknown value 'heat_import' (expected one of grid_import,");
    }

    @Test
    void unreadableYamlGivesLineAndColumn() throws IOException {
        Path site = brokenSite("cluster: { gpus: 10240,", "cluster: { gpus: [10240,");
        assertThatThrownBy(() -> SiteLoader.load(site))
                .hasMessageMatching("(?s)sites/demo-aidc.yaml: unreadable YAML at line \\d+, column \\d+: .*");
    }

    @Test
    void misspelledFieldIsRejectedNotIgnored() throws IOException {
        Path site = brokenSite("unitId: 1 }", "unitID: 1 }");
        assertThatThrownBy(() -> SiteLoader.load(site))
                .hasMessageContaining("devices[12].unitID: unknown field (expected one of");
    }

    @Test
    void meterPointMustExistOnItsDevice() throws IOException {
        Path site = brokenSite("point: hx-01.heat_kw", "point: hx-01.heat_mw");
        assertThatThrownBy(() -> SiteLoader.load(site))
                .hasMessageContaining("meters[12].point: device 'hx-01' (profile acme-heat-recovery-4000) has no point 'heat_mw'");
    }

    @Test
    void itLoadMeterNeedsAPueCategory() throws IOException {
        Path site = brokenSite("role: it_load, category: pue1, point: hvdc-01", "role: it_load, point: hvdc-01");
        assertThatThrownBy(() -> SiteLoader.load(site))
                .hasMessageContaining("meters[1].category: is required for an it_load meter");
    }

    @Test
    void overlappingRegistersInAProfileAreRejected() throws IOException {
        Path site = brokenProfile("acme-water-meter", "address: 2, dataType: uint32", "address: 1, dataType: uint32");
        assertThatThrownBy(() -> SiteLoader.load(site))
                .hasMessageContaining("profiles/acme-water-meter.yaml: points[1] 'volume_m3' overlaps points[0] 'flow_lpm' in the input table");
    }

    @Test
    void setpointOnAReadOnlyRegisterIsRejected() throws IOException {
        Path site = brokenProfile("acme-wind-2500", "register: { type: holding, address: 0, dataType: uint16 }",
                "register: { type: input, address: 20, dataType: uint16 }");
        assertThatThrownBy(() -> SiteLoader.load(site))
                .hasMessageContaining("profiles/acme-wind-2500.yaml: points[8]: setpoint on a input register, which cannot be written");
    }

    @Test
    void everyProblemOfALoadIsReportedAtOnce() throws IOException {
        Path root = SiteConfigsFolder.copyTo(tmp.resolve("configs"));
        Path site = root.resolve("sites/demo-aidc.yaml");
        String text = Files.readString(site).replace("unitId: 4 }", "unitId: 0 }").replace("latitude: 31.2", "latitude: 131.2");
        Files.writeString(site, text);
        assertThatThrownBy(() -> SiteLoader.load(site)).isInstanceOfSatisfying(SiteConfigException.class,
                e -> assertThat(e.problems()).extracting(ConfigProblem::path)
                        .contains("site.latitude", "devices[15].unitId"));
    }

    @Test
    void aMeterCannotReadATextPoint() throws IOException {
        Path root = SiteConfigsFolder.copyTo(tmp.resolve("configs"));
        Path profile = root.resolve("profiles/acme-heat-recovery-4000.yaml");
        Files.writeString(profile, Files.readString(profile) + "  - { name: serial, register: { type: holding, address: 900,"
                + " dataType: string, length: 8 } }\n");
        Path site = root.resolve("sites/demo-aidc.yaml");
        Files.writeString(site, Files.readString(site).replace("point: hx-01.heat_kw", "point: hx-01.serial"));
        assertThatThrownBy(() -> SiteLoader.load(site)).isInstanceOfSatisfying(SiteConfigException.class,
                e -> assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactly(
                        "sites/demo-aidc.yaml: meters[12].point: point 'serial' is text (device information); a meter needs a number"));
    }
}
