package io.kelvin.collectors.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kelvin.collectors.Collectors;
import io.kelvin.core.device.DeviceState;
import io.kelvin.collectors.TestSites;
import io.kelvin.core.telemetry.LatestValues;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Quality;
import io.kelvin.core.telemetry.Sample;
import io.kelvin.testkit.FreePorts;
import io.kelvin.testkit.InteropPeers;
import io.kelvin.testkit.PeerProcess;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OPC UA collector (Eclipse Milo client) against a node-opcua server (npm; a stack we did not
 * write): interop/node-opcua/server.js. Namespace resolved by URI, values read, a subscription
 * delivering changes, and a setpoint written and read back.
 */
class NodeOpcUaInteropTest {

    private static final String DEVICE = "nodeopcua-01";

    @TempDir
    Path dir;

    private final LatestValues latest = new LatestValues();

    @Test
    void theCollectorReadsSubscribesAndWritesASetpointOnANodeOpcUaServer() {
        int port = FreePorts.loopback();
        List<Sample> counters = new CopyOnWriteArrayList<>();
        try (PeerProcess server = InteropPeers.nodeOpcUaServer(port, dir.resolve("pki"));
                Collectors collectors = Collectors.start(TestSites.site(List.of(InteropProfiles.opcuaDevice(
                        DEVICE, "nodeopcua-device", "opc.tcp://127.0.0.1:" + port + "/interop"))),
                        samples -> {
                            latest.acceptAll(samples);
                            samples.stream().filter(s -> s.point().point().equals("counter")).forEach(counters::add);
                        }, Clock.systemUTC())) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(good("supply_temp_c")).as(server.log()).isEqualTo(21.5);
                assertThat(good("pump_speed_pct")).isEqualTo(62.5);
                assertThat(good("supply_temp_setpoint_c")).isEqualTo(30.0);
            });
            // the server counts up every 200 ms; the subscription (sampling 1 s) delivers the changes
            await().atMost(Duration.ofSeconds(15)).until(() -> counters.stream().map(Sample::value).distinct().count() >= 4);
            assertThat(counters).extracting(Sample::value).isSorted();

            assertThat(collectors.write(PointId.of(DEVICE, "supply_temp_setpoint_c"), 27.5)).isEqualTo(27.5);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(good("supply_temp_setpoint_c")).isEqualTo(27.5));
            assertThat(collectors.health().get(DEVICE).state()).isEqualTo(DeviceState.UP);
        }
    }

    private double good(String point) {
        Sample sample = latest.get(PointId.of(DEVICE, point)).orElseThrow(() -> new AssertionError("no " + point + " yet"));
        assertThat(sample.quality()).as(point).isEqualTo(Quality.GOOD);
        return sample.value();
    }
}
