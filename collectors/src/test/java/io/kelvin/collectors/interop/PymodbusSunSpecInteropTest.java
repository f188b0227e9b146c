package io.kelvin.collectors.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.kelvin.collectors.Collectors;
import io.kelvin.collectors.TestSites;
import io.kelvin.core.site.Device;
import io.kelvin.core.site.load.SiteLoader;
import io.kelvin.core.telemetry.LatestValues;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Quality;
import io.kelvin.core.telemetry.Sample;
import io.kelvin.testkit.FreePorts;
import io.kelvin.testkit.InteropPeers;
import io.kelvin.testkit.PeerProcess;
import io.kelvin.testkit.SiteFixtures;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SunSpec discovery against a map laid out in Python with {@code struct} from the SunSpec model tables
 * ({@code interop/pymodbus/sunspec_device.py}) and served by Debian's pymodbus 3.0: neither our
 * catalogue of offsets nor our codec took part in building it.
 */
class PymodbusSunSpecInteropTest {

    private static final int UNIT = 9;

    @ParameterizedTest
    @ValueSource(ints = {40000, 0, 50000})
    void aSunSpecInverterServedByPymodbusIsDiscoveredWithItsScaleFactors(int base) {
        int port = FreePorts.loopback();
        LatestValues latest = new LatestValues();
        Device device = new Device("pms", SiteLoader.loadProfile(SiteFixtures.siteConfigs(), "sunspec"), Optional.empty(),
                Optional.of("127.0.0.1"), port, UNIT, Optional.empty());
        try (PeerProcess pymodbus = InteropPeers.pymodbusSunSpecDevice(port, UNIT, base);
                Collectors collectors = Collectors.start(TestSites.site(List.of(device)), latest::acceptAll, Clock.systemUTC())) {
            Map<String, Double> expected = expected();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(expected.keySet()).allSatisfy(name ->
                    assertThat(latest.get(PointId.of("pms", name))).as(name + "\n" + pymodbus.log()
                                    + collectors.health().get("pms"))
                            .hasValueSatisfying(s -> assertThat(s.quality()).isEqualTo(Quality.GOOD))));

            expected.forEach((name, value) -> assertThat(latest.get(PointId.of("pms", name)).orElseThrow().value())
                    .as(name).isCloseTo(value, within(1e-9 * Math.max(1, Math.abs(value)))));
            // WHRtg is "not implemented" (0xFFFF with SF 0x8000): no number is made up for it
            assertThat(latest.get(PointId.of("pms", "rated_energy_kwh"))).get().extracting(Sample::quality)
                    .isEqualTo(Quality.OUT_OF_RANGE);
            int first = base + 2;
            assertThat(collectors.deviceInfo().get("pms"))
                    .containsEntry("manufacturer", "PyModbus Solar")
                    .containsEntry("model", "PMS-3000")
                    .containsEntry("version", "1.2.3")
                    .containsEntry("serial_number", "PMS3K-000777")
                    .containsEntry("sunspec.models", "1@" + first + ", 103@" + (first + 68) + ", 120@" + (first + 120)
                            + ", 124@" + (first + 148) + ", 64200@" + (first + 174))
                    .containsEntry("sunspec.skipped", "model 64200 at " + (first + 174) + " (L 3): not a model Kelvin maps");
        }
    }

    /** The values sunspec_device.py encodes, as the SunSpec tables define them (raw x 10^SF, W to kW). */
    private static Map<String, Double> expected() {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("ac_current_a", 12.34);
        values.put("ac_voltage_ab_v", 400.5);
        values.put("ac_voltage_an_v", 231.2);
        values.put("ac_power_kw", 2.5);
        values.put("frequency_hz", 49.98);
        values.put("apparent_power_kva", 2.6);
        values.put("reactive_power_kvar", -0.3);
        values.put("power_factor_pct", -95.0);
        values.put("energy_kwh", 123_456.789);
        values.put("dc_current_a", 7.5);
        values.put("dc_voltage_v", 600.0);
        values.put("dc_power_kw", 2.7);
        values.put("cabinet_temp_c", 41.5);
        values.put("heatsink_temp_c", 52.3);
        values.put("operating_state", 4.0);
        values.put("event_flags", 3.0);
        values.put("der_type", 4.0);
        values.put("rated_power_kw", 3.0);
        values.put("rated_apparent_power_kva", 3.3);
        values.put("rated_current_a", 15.0);
        values.put("max_charge_kw", 5.0);
        values.put("min_reserve_pct", 20.0);
        values.put("state_of_charge_pct", 87.5);
        values.put("storage_available_ah", 100.0);
        values.put("battery_voltage_v", 51.2);
        values.put("charge_status", 3.0);
        return values;
    }
}
