package io.kelvin.collectors.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kelvin.collectors.Collectors;
import io.kelvin.collectors.DeviceState;
import io.kelvin.collectors.RecordingSink;
import io.kelvin.core.site.Device;
import io.kelvin.core.site.OpcUaSettings;
import io.kelvin.core.site.OpcUaSettings.AcquisitionMode;
import io.kelvin.core.site.OpcUaSettings.MessageMode;
import io.kelvin.core.site.OpcUaSettings.Policy;
import io.kelvin.core.site.Site;
import io.kelvin.core.telemetry.Alarm;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Quality;
import io.kelvin.core.telemetry.Sample;
import io.kelvin.simulator.SiteTwin;
import io.kelvin.simulator.TwinOptions;
import io.kelvin.testkit.SiteFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The twin's CDU server as a secured device: Basic256Sha256 SignAndEncrypt with a user name, and a
 * leak raised in the twin arriving at the collector as an OPC UA event turned into an alarm.
 */
class TwinAlarmsTest {

    private static final PointId LEAK = PointId.of("cdu-01", "leak_detected");

    @TempDir
    Path dir;

    private final RecordingSink sink = new RecordingSink();
    private final List<Alarm> alarms = new CopyOnWriteArrayList<>();
    private SiteTwin twin;
    private Collectors collectors;

    @AfterEach
    void stop() {
        if (collectors != null) {
            collectors.close();
        }
        if (twin != null) {
            twin.close();
        }
    }

    @Test
    void aLeakAndAPumpFaultInTheTwinArriveAsAlarmsOverASecuredSessionAndLeakDetectedReadsOne() throws Exception {
        Path password = Files.writeString(dir.resolve("cdu-password.txt"), "tw1n-secret\n");
        Site demo = SiteFixtures.demoSite(dir);
        OpcUaSettings secured = new OpcUaSettings(AcquisitionMode.SUBSCRIBE, new OpcUaSettings.Security(Policy.BASIC256SHA256,
                MessageMode.SIGN_AND_ENCRYPT, Optional.of("kelvin"), Optional.empty(), Optional.of(password), true));
        Device plain = demo.device("cdu-01").orElseThrow();
        Device cdu = new Device(plain.id(), plain.profile(), plain.endpoint(), plain.host(), plain.port(), plain.unitId(),
                plain.ratedKw(), secured);
        Site site = new Site(demo.info(), demo.grid(), demo.meters(),
                demo.devices().stream().map(d -> d.id().equals("cdu-01") ? cdu : d).toList(), demo.cluster(), demo.configRoot());
        twin = SiteTwin.start(site, new TwinOptions(Clock.systemUTC(), 7, dir.resolve("twin-state")));
        Site onlyCdu = new Site(demo.info(), demo.grid(), List.of(), List.of(cdu), demo.cluster(), demo.configRoot());
        collectors = Collectors.start(onlyCdu, sink, alarms::add, Clock.systemUTC(),
                UaFixtures.QUICK.withPkiDir(dir.resolve("pki")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(sink.latest(LEAK))
                .as(() -> String.valueOf(collectors.health())).get()
                .satisfies(s -> assertThat(s.quality()).isEqualTo(Quality.GOOD)).extracting(Sample::value).isEqualTo(0.0));

        // the event item follows the data items; raise the leak until the subscription carries it
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).until(() -> {
            twin.leak("cdu-01");
            return !alarms.isEmpty();
        });
        Alarm alarm = alarms.get(0);
        assertThat(alarm.device()).isEqualTo("cdu-01");
        assertThat(alarm.source()).isEqualTo("Alarms.LeakDetected");
        assertThat(alarm.severity()).isEqualTo(SiteTwin.LEAK_SEVERITY);
        assertThat(alarm.message()).contains("Leak detected at cdu-01");
        await().atMost(Duration.ofSeconds(10)).until(() -> sink.latest(LEAK).map(Sample::value).orElse(0.0) == 1.0);
        assertThat(collectors.health().get("cdu-01").state()).isEqualTo(DeviceState.UP);

        twin.pumpFault("cdu-01");
        await().atMost(Duration.ofSeconds(10)).until(() -> alarms.stream().anyMatch(a -> a.source().equals("Pump.Fault")));
        Alarm pump = alarms.stream().filter(a -> a.source().equals("Pump.Fault")).findFirst().orElseThrow();
        assertThat(pump.severity()).isEqualTo(SiteTwin.PUMP_FAULT_SEVERITY);
        assertThat(pump.message()).isEqualTo("Pump fault at cdu-01: pump tripped");
    }
}
