package io.kelvin.collectors.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.kelvin.collectors.Collectors;
import io.kelvin.collectors.TestSites;
import io.kelvin.core.telemetry.LatestValues;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Quality;
import io.kelvin.testkit.FreePorts;
import io.kelvin.testkit.InteropPeers;
import io.kelvin.testkit.PeerProcess;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Modbus collector against a device served by Debian's pymodbus 3.0 (a peer we did not write):
 * interop/pymodbus/word_order_device.py holds each value in every word order, built with Python's
 * struct module from the WordOrder definition, and the profile says which order each register uses.
 */
class PymodbusInteropTest {

    private static final int UNIT = 7;

    @Test
    void everyDataTypeInEveryWordOrderReadsAsThePymodbusDeviceHoldsIt() {
        int port = FreePorts.loopback();
        LatestValues latest = new LatestValues();
        try (PeerProcess pymodbus = InteropPeers.pymodbusWordOrderDevice(port, UNIT);
                Collectors collectors = Collectors.start(TestSites.site(List.of(
                        InteropProfiles.modbusDevice("pymodbus-01", "pymodbus-word-orders", port, UNIT))),
                        latest::acceptAll, Clock.systemUTC())) {
            Map<String, Double> expected = expected();
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(expected.keySet()).allSatisfy(name ->
                    assertThat(latest.get(PointId.of("pymodbus-01", name)))
                            .as(name + "\n" + pymodbus.log())
                            .hasValueSatisfying(s -> assertThat(s.quality()).isEqualTo(Quality.GOOD))));

            expected.forEach((name, value) -> assertThat(latest.get(PointId.of("pymodbus-01", name)).orElseThrow().value())
                    .as(name).isCloseTo(value, within(Math.abs(value) * 1e-12)));
        }
    }

    /** The table in word_order_device.py, as the values it encodes. */
    private static Map<String, Double> expected() {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String order : List.of("abcd", "cdab", "badc", "dcba")) {
            values.put("float32_" + order, (double) 123.456f);
            values.put("int32_" + order, -123456789.0);
            values.put("uint32_" + order, 3_000_000_000.0);
            values.put("float64_" + order, -98765.4321);
            values.put("int64_" + order, -1_234_567_890_123.0);
        }
        values.put("uint64_abcd", (double) 12_345_678_901_234_567L);
        values.put("uint64_dcba", (double) 12_345_678_901_234_567L);
        values.put("int16_abcd", -1234.0);
        values.put("int16_badc", -1234.0);
        values.put("uint16_abcd", 54321.0);
        values.put("uint16_scaled", 234.5);
        values.put("status_bit0", 1.0);
        values.put("status_bit1", 0.0);
        values.put("status_bit2", 1.0);
        values.put("input_float32_abcd", 1.5);
        values.put("input_float32_cdab", -7.25);
        values.put("coil0", 1.0);
        values.put("coil1", 0.0);
        values.put("coil2", 1.0);
        values.put("discrete0", 0.0);
        values.put("discrete1", 1.0);
        return values;
    }
}
