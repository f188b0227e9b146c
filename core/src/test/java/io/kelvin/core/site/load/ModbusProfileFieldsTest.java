package io.kelvin.core.site.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kelvin.core.site.AddressBase;
import io.kelvin.core.site.DataType;
import io.kelvin.core.site.DeviceProfile;
import io.kelvin.core.site.Discovery;
import io.kelvin.core.site.ModbusQuirks;
import io.kelvin.core.site.PointDef;
import io.kelvin.core.site.PollClass;
import io.kelvin.core.site.Register;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile fields for device quirks, poll intervals, strings, bit fields and SunSpec discovery. */
class ModbusProfileFieldsTest {

    private static final String POINT = "  - { name: p, unit: \"1\", register: { type: holding, address: 10 }, range: { min: 0, max: 100 } }\n";

    @TempDir
    Path tmp;

    private DeviceProfile load(String body) throws IOException {
        Files.createDirectories(tmp.resolve("profiles"));
        Files.writeString(tmp.resolve("profiles/dev.yaml"),
                "profile: dev\ndeviceClass: meter\nprotocol: modbus\n" + body);
        return SiteLoader.loadProfile(tmp, "dev");
    }

    private void assertProblems(String body, String... problems) {
        assertThatThrownBy(() -> load(body)).isInstanceOfSatisfying(SiteConfigException.class,
                e -> assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactly(problems));
    }

    @Test
    void withoutAModbusBlockAProfileKeepsTodaysBehaviour() throws IOException {
        DeviceProfile profile = load("points:\n" + POINT);
        assertThat(profile.modbus()).isEqualTo(ModbusQuirks.DEFAULTS);
        assertThat(profile.discovery()).isEqualTo(Discovery.NONE);
        assertThat(profile.interval(profile.points().getFirst())).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void everyQuirkIsReadFromTheModbusBlock() throws IOException {
        DeviceProfile profile = load("modbus: { maxRegisters: 32, maxGap: 0, requestPause: 50ms, addressBase: 1,"
                + " onePointPerRequest: true, closeAfterPoll: true, timeout: 750ms }\npoints:\n" + POINT);
        assertThat(profile.modbus()).isEqualTo(new ModbusQuirks(32, 0, Duration.ofMillis(50), AddressBase.ONE, true, true,
                Optional.of(Duration.ofMillis(750))));
    }

    @Test
    void oneBasedAddressesBecomeWireAddressesOneLower() throws IOException {
        // a manual's register 1 is wire (PDU) address 0
        DeviceProfile profile = load("modbus: { addressBase: 1 }\npoints:\n"
                + "  - { name: a, unit: \"1\", register: { type: holding, address: 1 }, range: { min: 0, max: 1 } }\n"
                + "  - { name: b, unit: \"1\", register: { type: input, address: 65536 }, range: { min: 0, max: 1 } }\n");
        assertThat(profile.points()).extracting(p -> p.register().orElseThrow().address()).containsExactly(0, 65535);
    }

    @Test
    void classicModiconAddressesNameTheirTableInTheLeadingDigit() throws IOException {
        // 40001 and 400001 are holding wire address 0; 30010 is input 9; 465536 is holding 65535; coil 1 is 0
        DeviceProfile profile = load("modbus: { addressBase: modicon }\npoints:\n"
                + "  - { name: a, unit: \"1\", register: { type: holding, address: 40001 }, range: { min: 0, max: 1 } }\n"
                + "  - { name: b, unit: \"1\", register: { type: input, address: 30010 }, range: { min: 0, max: 1 } }\n"
                + "  - { name: c, unit: \"1\", register: { type: holding, address: 465536 }, range: { min: 0, max: 1 } }\n"
                + "  - { name: d, unit: \"1\", register: { type: coil, address: 1 }, range: { min: 0, max: 1 } }\n"
                + "  - { name: e, unit: \"1\", register: { type: discrete_input, address: 100002 }, range: { min: 0, max: 1 } }\n");
        assertThat(profile.points()).extracting(p -> p.register().orElseThrow().address()).containsExactly(0, 9, 65535, 0, 1);
    }

    @Test
    void aModiconAddressOutsideItsTablesRangeIsRejected() {
        assertProblems("modbus: { addressBase: modicon }\npoints:\n"
                        + "  - { name: a, unit: \"1\", register: { type: input, address: 40001 }, range: { min: 0, max: 1 } }\n",
                "profiles/dev.yaml: points[0].register.address: 40001 is not an input address in modicon notation"
                        + " (30001..39999 or 300001..365536)");
        assertProblems("modbus: { addressBase: decimal }\npoints:\n" + POINT,
                "profiles/dev.yaml: modbus.addressBase: must be 0, 1 or modicon, was 'decimal'");
    }

    @Test
    void badQuirkValuesAreNamedWithTheirPath() {
        assertProblems("modbus: { maxRegisters: 126, maxGap: -1, requestPause: 20s, addressBase: 2, closeAfterPoll: yes please,"
                        + " timeout: 10ms, retries: 3 }\npoints:\n" + POINT,
                "profiles/dev.yaml: modbus.retries: unknown field (expected one of addressBase, closeAfterPoll, maxGap,"
                        + " maxRegisters, onePointPerRequest, requestPause, timeout)",
                "profiles/dev.yaml: modbus.maxRegisters: must be 1..125, was 126",
                "profiles/dev.yaml: modbus.maxGap: must be 0..125, was -1",
                "profiles/dev.yaml: modbus.requestPause: must be 0ms..10s, was 20s",
                "profiles/dev.yaml: modbus.addressBase: must be 0..1, was 2",
                "profiles/dev.yaml: modbus.closeAfterPoll: must be true or false",
                "profiles/dev.yaml: modbus.timeout: must be 50ms..1m, was 10ms");
    }

    @Test
    void addressZeroDoesNotExistInAOneBasedProfile() {
        assertProblems("modbus: { addressBase: 1 }\npoints:\n"
                        + "  - { name: a, unit: \"1\", register: { type: holding, address: 0 }, range: { min: 0, max: 1 } }\n",
                "profiles/dev.yaml: points[0].register.address: must be 1..65536, was 0");
    }

    @Test
    void aValueWiderThanTheDevicesRequestLimitIsRejected() {
        assertProblems("modbus: { maxRegisters: 2 }\npoints:\n"
                        + "  - { name: a, unit: \"1\", register: { type: holding, address: 0, dataType: float64 }, range: { min: 0, max: 1 } }\n",
                "profiles/dev.yaml: points[0].register: spans 4 registers, more than modbus.maxRegisters 2 allows in one request");
    }

    @Test
    void pollIntervalsOverrideTheClassesAndAPointsOwnIntervalWins() throws IOException {
        DeviceProfile profile = load("pollIntervals: { fast: 500ms, slow: 5m }\npoints:\n"
                + "  - { name: a, unit: \"1\", register: { type: holding, address: 0 }, range: { min: 0, max: 1 }, pollClass: fast }\n"
                + "  - { name: b, unit: \"1\", register: { type: holding, address: 1 }, range: { min: 0, max: 1 } }\n"
                + "  - { name: c, unit: \"1\", register: { type: holding, address: 2 }, range: { min: 0, max: 1 }, pollClass: slow }\n"
                + "  - { name: d, unit: \"1\", register: { type: holding, address: 3 }, range: { min: 0, max: 1 }, pollInterval: 5s }\n");
        assertThat(profile.points()).extracting(profile::interval).containsExactly(Duration.ofMillis(500),
                Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofSeconds(5));
    }

    @Test
    void pollIntervalsMustBeDurationsBetween100MsAndOneHour() {
        assertProblems("pollIntervals: { fast: 50ms, normal: 2h, slow: 60, often: 1s }\npoints:\n"
                        + "  - { name: a, unit: \"1\", register: { type: holding, address: 0 }, range: { min: 0, max: 1 }, pollInterval: 0s }\n"
                        + "  - { name: b, unit: \"1\", register: { type: holding, address: 1 }, range: { min: 0, max: 1 }, pollInterval: soon }\n",
                "profiles/dev.yaml: pollIntervals.often: unknown field (expected one of fast, normal, slow)",
                "profiles/dev.yaml: pollIntervals.fast: must be 100ms..1h, was 50ms",
                "profiles/dev.yaml: pollIntervals.normal: must be 100ms..1h, was 2h",
                "profiles/dev.yaml: pollIntervals.slow: must be a duration like 500ms, 10s, 5m or 1h, was '60'",
                "profiles/dev.yaml: points[0].pollInterval: must be 100ms..1h, was 0s",
                "profiles/dev.yaml: points[1].pollInterval: must be a duration like 500ms, 10s, 5m or 1h, was 'soon'");
    }

    @Test
    void aStringPointHasARegisterCountAndNeedsNoRange() throws IOException {
        DeviceProfile profile = load("points:\n"
                + "  - { name: serial, register: { type: holding, address: 0, dataType: string, length: 8 } }\n" + POINT);
        PointDef serial = profile.point("serial").orElseThrow();
        assertThat(serial.isText()).isTrue();
        assertThat(serial.unit()).isEqualTo("text");
        assertThat(serial.register().map(Register::count)).contains(8);
    }

    @Test
    void badStringLengthsAreRejected() {
        assertProblems("points:\n"
                        + "  - { name: a, register: { type: holding, address: 0, dataType: string } }\n"
                        + "  - { name: b, register: { type: holding, address: 10, dataType: string, length: 126 } }\n"
                        + "  - { name: c, unit: \"1\", register: { type: holding, address: 20, length: 2 }, range: { min: 0, max: 1 } }\n"
                        + "  - { name: d, register: { type: holding, address: 30, dataType: string, length: 2 }, range: { min: 0, max: 1 }, setpoint: { min: 0, max: 1 } }\n",
                "profiles/dev.yaml: points[0].register: a string needs length: its register count, 1..125 (2 characters each)",
                "profiles/dev.yaml: points[1].register.length: must be 1..125, was 126",
                "profiles/dev.yaml: points[2].register: length is the register count of a string; dataType uint16 has a fixed size",
                "profiles/dev.yaml: points[3]: a string point cannot be a setpoint");
    }

    @Test
    void aBitFieldIsAnUnsignedPartOfOneRegister() throws IOException {
        DeviceProfile profile = load("points:\n"
                + "  - { name: status, unit: \"1\", register: { type: input, address: 5, bit: 4, bits: 4 }, range: { min: 0, max: 15 } }\n"
                + "  - { name: alarm, unit: \"1\", register: { type: input, address: 5, dataType: bool, bit: 8 }, range: { min: 0, max: 1 } }\n");
        Register status = profile.point("status").flatMap(PointDef::register).orElseThrow();
        assertThat(status.dataType()).isEqualTo(DataType.UINT16);
        assertThat(status.bit()).isEqualTo(4);
        assertThat(status.bits()).isEqualTo(4);
        assertThat(profile.point("alarm").flatMap(PointDef::register).map(Register::bits)).contains(1);
    }

    @Test
    void bitFieldsBeyondSixteenBitsOrOfTheWrongTypeAreRejected() {
        assertProblems("points:\n"
                        + "  - { name: a, unit: \"1\", register: { type: input, address: 0, bit: 12, bits: 8 }, range: { min: 0, max: 1 } }\n"
                        + "  - { name: b, unit: \"1\", register: { type: input, address: 1, bits: 3 }, range: { min: 0, max: 1 } }\n"
                        + "  - { name: c, unit: \"1\", register: { type: input, address: 2, bit: 0, bits: 17 }, range: { min: 0, max: 1 } }\n"
                        + "  - { name: d, unit: \"1\", register: { type: input, address: 3, dataType: int32, bit: 0, bits: 4 }, range: { min: 0, max: 1 } }\n"
                        + "  - { name: e, unit: \"1\", register: { type: input, address: 5, dataType: bool, bit: 0, bits: 2 }, range: { min: 0, max: 1 } }\n",
                "profiles/dev.yaml: points[0].register: bit 12 + bits 8 runs past bit 15 of the register",
                "profiles/dev.yaml: points[1].register: bits needs bit: the field's lowest bit 0..15",
                "profiles/dev.yaml: points[2].register.bits: must be 1..16, was 17",
                "profiles/dev.yaml: points[3].register: a bit field is an unsigned part of one register: dataType must be bool or uint16, not int32",
                "profiles/dev.yaml: points[4].register: a bool is one bit: use dataType uint16 for a field of 2 bits");
    }

    @Test
    void overlappingBitFieldsOfOneRegisterAreRejected() {
        assertProblems("points:\n"
                        + "  - { name: a, unit: \"1\", register: { type: input, address: 0, bit: 0, bits: 4 }, range: { min: 0, max: 15 } }\n"
                        + "  - { name: b, unit: \"1\", register: { type: input, address: 0, bit: 3, bits: 2 }, range: { min: 0, max: 3 } }\n"
                        + "  - { name: c, unit: \"1\", register: { type: input, address: 0, bit: 5, bits: 11 }, range: { min: 0, max: 1 } }\n",
                "profiles/dev.yaml: points[1] 'b' overlaps points[0] 'a' in the input table");
    }

    @Test
    void aSunSpecProfileDeclaresTheStandardPointsWithoutRegisters() throws IOException {
        DeviceProfile profile = load("discover: sunspec\npollIntervals: { fast: 2s }\n");
        assertThat(profile.discovery()).isEqualTo(Discovery.SUNSPEC);
        assertThat(profile.point("ac_power_kw")).hasValueSatisfying(p -> {
            assertThat(p.unit()).isEqualTo("kW");
            assertThat(p.register()).isEmpty();
            assertThat(p.pollClass()).isEqualTo(PollClass.FAST);
        });
        assertThat(profile.points()).extracting(PointDef::name)
                .contains("rated_power_kw", "max_power_setting_kw", "available_power_kw", "power_limit_pct", "state_of_charge_pct")
                .doesNotHaveDuplicates()
                .doesNotContain("serial_number");
    }

    @Test
    void aSunSpecProfileTakesNoHandWrittenPoints() {
        assertProblems("discover: sunspec\npoints:\n" + POINT,
                "profiles/dev.yaml: points come from SunSpec discovery in a profile with discover: sunspec; remove them");
    }
}
