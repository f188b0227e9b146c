package io.kelvin.collectors.opcua;

import static io.kelvin.collectors.TestSites.site;
import static io.kelvin.collectors.opcua.UaFixtures.NS;
import static io.kelvin.collectors.opcua.UaFixtures.QUICK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kelvin.collectors.Collectors;
import io.kelvin.core.device.DeviceError;
import io.kelvin.core.device.DeviceHealth;
import io.kelvin.core.device.DeviceState;
import io.kelvin.core.device.PointHealth;
import io.kelvin.core.site.Monitoring;
import io.kelvin.core.site.OpcUaSettings;
import io.kelvin.core.site.PointDef;
import io.kelvin.core.site.PollClass;
import io.kelvin.core.site.ValueRange;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Quality;
import io.kelvin.core.telemetry.Sample;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.junit.jupiter.api.Test;

/**
 * A point that turns bad says why in the server's words: the StatusCode's symbolic name (OPC UA Part 4,
 * 7.39), for the point and as the device's last error, with when it happened and when it was last good.
 */
class OpcUaPointHealthTest extends LoopbackUaTest {

    private static final PointId SUPPLY = PointId.of("cdu", "supply_c");

    @Test
    void aSensorFailureAndAnUnknownNodeAreReportedByTheirStatusNames() throws Exception {
        server = LoopbackOpcUaServer.start(port, NS, Map.of("Loop.Supply", 30.0));
        collectors = Collectors.start(site(List.of(UaFixtures.device("cdu", port, List.of(
                point("supply_c", "s=Loop.Supply"), point("missing", "s=Loop.DoesNotExist")), OpcUaSettings.DEFAULT))),
                sink, Clock.systemUTC(), QUICK);
        await().atMost(Duration.ofSeconds(15)).until(() -> sink.saw(SUPPLY, Quality.GOOD)
                && health().point("missing").isPresent());
        assertThat(health().point("missing")).get().satisfies(p -> {
            assertThat(p.quality()).isEqualTo(Quality.BAD);
            assertThat(p.reason()).contains("BadNodeIdUnknown");
        });

        server.set("Loop.Supply", new DataValue(new Variant(30.0), new StatusCode(StatusCodes.Bad_SensorFailure), null, null));

        await().atMost(Duration.ofSeconds(10)).until(() -> sink.latest(SUPPLY).map(Sample::quality).orElse(null) == Quality.BAD);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            PointHealth supply = health().point("supply_c").orElseThrow();
            assertThat(supply.quality()).isEqualTo(Quality.BAD);
            assertThat(supply.reason()).contains("BadSensorFailure");
            assertThat(supply.lastGood()).isPresent();
            DeviceError error = health().lastError().orElseThrow();
            assertThat(error.code()).isEqualTo("BadSensorFailure");
            assertThat(error.message()).contains("Loop.Supply").contains("supply_c");
        });
        DeviceHealth health = health();
        assertThat(health.state()).isEqualTo(DeviceState.DEGRADED);
        assertThat(health.lastGoodSample()).isEqualTo(health.point("supply_c").flatMap(PointHealth::lastGood));
    }

    private DeviceHealth health() {
        return collectors.device("cdu").orElseThrow();
    }

    private static PointDef point(String name, String node) {
        return UaFixtures.point(name, node, new ValueRange(10, 60), Monitoring.of(PollClass.FAST));
    }
}
