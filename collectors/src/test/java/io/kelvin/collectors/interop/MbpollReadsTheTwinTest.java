package io.kelvin.collectors.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kelvin.core.site.Device;
import io.kelvin.core.site.Site;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.simulator.SiteTwin;
import io.kelvin.simulator.TwinOptions;
import io.kelvin.testkit.InteropPeers;
import io.kelvin.testkit.SettableClock;
import io.kelvin.testkit.SiteFixtures;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's mbpoll (a Modbus master we did not write) reads the digital twin's Modbus devices and
 * gets the values the twin holds. mbpoll numbers registers from 1 unless given -0, and reads 32-bit
 * values with swapped words (CDAB) unless given -B (big-endian words, ABCD). The twin's clock is
 * frozen so the values hold still between mbpoll and the assertion.
 */
class MbpollReadsTheTwinTest {

    private static final Pattern VALUE_LINE = Pattern.compile("^\\[(\\d+)\\]:\\s+(\\S+)\\s*$", Pattern.MULTILINE);

    @TempDir
    Path dir;

    private Site site;
    private SiteTwin twin;

    @BeforeEach
    void start() {
        site = SiteFixtures.demoSite(dir);
        SettableClock frozen = new SettableClock(Instant.parse("2025-06-21T04:00:00Z"));
        twin = SiteTwin.start(site, new TwinOptions(frozen, 42, dir.resolve("twin-state")));
    }

    @AfterEach
    void stop() {
        twin.close();
    }

    @Test
    void wordSwappedChillerFloatsReadWithMbpollsDefaultWordOrderAndZeroBasedAddresses() {
        // acme-chiller-3000: holding 0 and 2 are float32 CDAB
        Map<Integer, String> read = mbpoll("chiller-01", "-t", "4:float", "-0", "-r", "0", "-c", "2");

        assertThat(read).containsOnlyKeys(0, 2);
        assertFloat(read.get(0), "chiller-01", "chw_supply_temp_c");
        assertFloat(read.get(2), "chiller-01", "chw_return_temp_c");
    }

    @Test
    void withoutDashZeroMbpollNumbersFromOneSoReferenceOneIsProtocolAddressZero() {
        Map<Integer, String> read = mbpoll("chiller-02", "-t", "4:float", "-r", "1", "-c", "2");

        assertThat(read).containsOnlyKeys(1, 3);
        assertFloat(read.get(1), "chiller-02", "chw_supply_temp_c");
        assertFloat(read.get(3), "chiller-02", "chw_return_temp_c");
    }

    @Test
    void bigEndianHvdcFloatsNeedDashBAndInt32CdabIsMbpollsDefault() {
        // acme-hvdc-5000: input 0, 2 float32 ABCD; input 5 int32 CDAB x 0.1 A
        Map<Integer, String> floats = mbpoll("hvdc-01", "-t", "3:float", "-B", "-0", "-r", "0", "-c", "2");
        Map<Integer, String> current = mbpoll("hvdc-01", "-t", "3:int", "-0", "-r", "5");

        assertFloat(floats.get(0), "hvdc-01", "input_power_kw");
        assertFloat(floats.get(2), "hvdc-01", "output_power_kw");
        assertThat(Long.parseLong(current.get(5))).isEqualTo(Math.round(value("hvdc-01", "output_current_a") / 0.1));
    }

    @Test
    void scaledInt16SetpointAndCoilReadAsTheirRawWireValues() {
        // chw_supply_setpoint_c: holding 100, int16 x 0.1 degC; enabled: coil 0
        Map<Integer, String> setpoint = mbpoll("chiller-03", "-t", "4", "-0", "-r", "100");
        Map<Integer, String> enabled = mbpoll("chiller-03", "-t", "0", "-0", "-r", "0");

        assertThat(Integer.parseInt(setpoint.get(100))).isEqualTo(Math.round(value("chiller-03", "chw_supply_setpoint_c") * 10));
        assertThat(Integer.parseInt(enabled.get(0))).isEqualTo((int) value("chiller-03", "enabled"));
    }

    private Map<Integer, String> mbpoll(String deviceId, String... args) {
        Device device = site.device(deviceId).orElseThrow();
        List<String> command = new ArrayList<>(List.of("-m", "tcp", "-p", Integer.toString(device.port()),
                "-a", Integer.toString(device.unitId()), "-1", "-o", "2"));
        command.addAll(List.of(args));
        command.add("127.0.0.1");
        String output = InteropPeers.mbpoll(command);
        Map<Integer, String> values = new TreeMap<>();
        Matcher matcher = VALUE_LINE.matcher(output);
        while (matcher.find()) {
            values.put(Integer.parseInt(matcher.group(1)), matcher.group(2));
        }
        assertThat(values).as("values in mbpoll's output:\n" + output).isNotEmpty();
        return values;
    }

    private double value(String device, String point) {
        return twin.value(PointId.of(device, point));
    }

    /** mbpoll prints floats with %g, six significant digits. */
    private void assertFloat(String printed, String device, String point) {
        double expected = (float) value(device, point);
        assertThat(Double.parseDouble(printed)).as(device + "." + point)
                .isCloseTo(expected, within(Math.max(1e-6, Math.abs(expected) * 1e-5)));
    }
}
