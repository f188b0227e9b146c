package io.kelvin.collectors.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kelvin.collectors.Collectors;
import io.kelvin.collectors.RecordingSink;
import io.kelvin.collectors.TestSites;
import io.kelvin.core.device.DeviceInfo;
import io.kelvin.core.site.Device;
import io.kelvin.core.site.Site;
import io.kelvin.simulator.SiteTwin;
import io.kelvin.simulator.TwinOptions;
import io.kelvin.testkit.SiteFixtures;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo inverter's common information comes from the SunSpec common model 1 the twin serves at 40002
 * (Mn, Md, Vr, SN: the twin writes its profile's maker and model, "kelvin-twin" and the device id), read
 * through the text points of the hand-written {@code sunspec-inverter-103} profile and through discovery.
 */
class SunSpecTwinInfoTest {

    @TempDir
    Path dir;

    @Test
    void theInverterTwinsCommonModelGivesMakerModelSerialAndFirmware() {
        Site demo = SiteFixtures.demoSite(dir);
        Device inverter = demo.device("pv-inv-01").orElseThrow();
        Device discovered = new Device("pv-disc", io.kelvin.core.site.load.SiteLoader.loadProfile(demo.configRoot(),
                "sunspec"), Optional.empty(), inverter.host(), inverter.port(), inverter.unitId(), Optional.empty());
        Site onlyInverter = new Site(demo.info(), demo.grid(), List.of(), List.of(inverter), demo.cluster(), demo.configRoot());
        try (SiteTwin twin = SiteTwin.start(onlyInverter, new TwinOptions(Clock.systemUTC(), 7, dir.resolve("state")));
                Collectors collectors = Collectors.start(TestSites.site(List.of(inverter, discovered)), new RecordingSink(),
                        Clock.systemUTC())) {
            await().atMost(Duration.ofSeconds(20)).until(() -> info(collectors, "pv-inv-01").serialNumber().isPresent()
                    && info(collectors, "pv-disc").serialNumber().isPresent());

            for (String id : List.of("pv-inv-01", "pv-disc")) {
                DeviceInfo info = info(collectors, id);
                assertThat(info.manufacturer()).as(id).contains("SunSpec-compliant");
                assertThat(info.model()).as(id).contains("Three-phase inverter (model 103)");
                assertThat(info.serialNumber()).as(id).contains("pv-inv-01");
                assertThat(info.firmwareVersion()).as(id).contains("kelvin-twin");
            }
            assertThat(info(collectors, "pv-inv-01").source()).isEqualTo("text points of profile sunspec-inverter-103");
            assertThat(info(collectors, "pv-disc").source()).isEqualTo("SunSpec common model 1");
        }
    }

    private static DeviceInfo info(Collectors collectors, String device) {
        return collectors.device(device).orElseThrow().info();
    }
}
