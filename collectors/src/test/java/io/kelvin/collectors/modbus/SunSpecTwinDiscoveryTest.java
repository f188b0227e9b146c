package io.kelvin.collectors.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.kelvin.collectors.Collectors;
import io.kelvin.collectors.RecordingSink;
import io.kelvin.collectors.TestSites;
import io.kelvin.core.site.Device;
import io.kelvin.core.site.Site;
import io.kelvin.core.site.load.SiteLoader;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Quality;
import io.kelvin.core.telemetry.Sample;
import io.kelvin.simulator.SiteTwin;
import io.kelvin.simulator.TwinOptions;
import io.kelvin.testkit.SettableClock;
import io.kelvin.testkit.SiteFixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's PV inverters as the twin serves them (SunSpec at 40000: models 1, 103, 120-123), read
 * through the {@code sunspec} discovery profile instead of the hand-written 103 map: the same point
 * names give the same values, and the models the hand-written map leaves out appear too.
 */
class SunSpecTwinDiscoveryTest {

    @TempDir
    Path dir;

    @Test
    void aTwinInverterDiscoveredAt40000ReadsAsItsHandWrittenProfileDoes() {
        Site demo = SiteFixtures.demoSite(dir);
        Device served = demo.device("pv-inv-02").orElseThrow();
        Device discovered = new Device("pv-disc", SiteLoader.loadProfile(demo.configRoot(), "sunspec"), Optional.empty(),
                served.host(), served.port(), served.unitId(), Optional.empty());
        RecordingSink sink = new RecordingSink();
        // midday in Shanghai, clock held still so the twin's values do not move while we compare
        SettableClock clock = new SettableClock(Instant.parse("2025-07-20T04:00:00Z"));
        try (SiteTwin twin = SiteTwin.start(demo, new TwinOptions(clock, 7, dir.resolve("state")));
                Collectors collectors = Collectors.start(TestSites.site(List.of(discovered)), sink, clock)) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                for (String point : List.of("ac_power_kw", "energy_kwh", "rated_power_kw", "power_limit_pct")) {
                    assertThat(sink.latest(PointId.of("pv-disc", point))).as(point).get()
                            .extracting(Sample::quality).isEqualTo(Quality.GOOD);
                }
            });
            Map<String, Double> model = twin.values("pv-inv-02");
            // one raw step of each hand-written register: W 0.1 kW, WH 1 kWh, Hz 0.01, DCV 0.1 V, Tmp 0.1 degC
            assertThat(value(sink, "ac_power_kw")).isCloseTo(model.get("ac_power_kw"), within(0.051));
            assertThat(value(sink, "energy_kwh")).isCloseTo(model.get("energy_kwh"), within(0.51));
            assertThat(value(sink, "frequency_hz")).isCloseTo(model.get("frequency_hz"), within(0.0051));
            assertThat(value(sink, "dc_voltage_v")).isCloseTo(model.get("dc_voltage_v"), within(0.051));
            assertThat(value(sink, "cabinet_temp_c")).isCloseTo(model.get("cabinet_temp_c"), within(0.051));
            // models 120-123: the 500 kW rating, WMax, WAval, no power limit
            assertThat(value(sink, "rated_power_kw")).isEqualTo(500.0);
            assertThat(value(sink, "max_power_setting_kw")).isEqualTo(500.0);
            assertThat(value(sink, "available_power_kw")).isEqualTo(500.0);
            assertThat(value(sink, "power_limit_pct")).isEqualTo(100.0);
            assertThat(value(sink, "pv_connection_flags")).isEqualTo(7.0);
            // PhVphA is "not implemented" (0xFFFF) on the twin: no value, not a made-up one
            assertThat(sink.latest(PointId.of("pv-disc", "ac_voltage_an_v"))).get()
                    .satisfies(s -> assertThat(s.quality()).isEqualTo(Quality.OUT_OF_RANGE));
            assertThat(collectors.deviceInfo().get("pv-disc"))
                    .containsEntry("sunspec.models", "1@40002, 103@40070, 120@40122, 121@40150, 122@40182, 123@40228")
                    .containsEntry("manufacturer", "SunSpec-compliant")
                    .containsEntry("serial_number", "pv-inv-02")
                    .doesNotContainKey("sunspec.skipped");
        }
    }

    private static double value(RecordingSink sink, String point) {
        return sink.latest(PointId.of("pv-disc", point)).orElseThrow().value();
    }
}
