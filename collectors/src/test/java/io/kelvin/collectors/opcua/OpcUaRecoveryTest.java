package io.kelvin.collectors.opcua;

import static io.kelvin.collectors.TestSites.opcuaDevice;
import static io.kelvin.collectors.TestSites.opcuaPoint;
import static io.kelvin.collectors.TestSites.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kelvin.collectors.CollectorSettings;
import io.kelvin.collectors.Collectors;
import io.kelvin.core.device.DeviceState;
import io.kelvin.core.site.PointDef;
import io.kelvin.core.site.ValueRange;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Quality;
import io.kelvin.core.telemetry.Sample;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.junit.jupiter.api.Test;

/** What a site sees while an OPC UA server goes away and comes back, and when single nodes are bad. */
class OpcUaRecoveryTest extends LoopbackUaTest {

    private static final String NS = "urn:acme:test-cdu";
    private static final CollectorSettings QUICK = new CollectorSettings(
            Duration.ofMillis(500), Duration.ofMillis(200), Duration.ofMillis(500));
    private static final PointId SUPPLY = PointId.of("cdu", "supply_c");

    private LoopbackOpcUaServer startServer(Map<String, Object> values) throws Exception {
        return LoopbackOpcUaServer.start(port, NS, values);
    }

    private Collectors startCollectors(List<PointDef> points) {
        return startCollectors(points, QUICK);
    }

    private Collectors startCollectors(List<PointDef> points, CollectorSettings settings) {
        String endpoint = "opc.tcp://127.0.0.1:" + port + "/test";
        return Collectors.start(site(List.of(opcuaDevice("cdu", NS, points, endpoint))), sink, Clock.systemUTC(), settings);
    }

    private static PointDef point(String name, String node) {
        return opcuaPoint(name, node, new ValueRange(0, 100), Optional.empty());
    }

    private List<Sample> supplySince(Instant from) {
        return sink.all().stream().filter(s -> s.point().equals(SUPPLY) && !s.collectedAt().isBefore(from)).toList();
    }

    @Test
    void dataFlowsAgainWithinTenSecondsOfARestartOnTheSamePortAndTheOutageIsAMarkedGap() throws Exception {
        server = startServer(Map.of("Loop.Supply", 30.0));
        // the shipped defaults, so the reconnect timing measured is the one a site gets
        collectors = startCollectors(List.of(point("supply_c", "s=Loop.Supply")), CollectorSettings.defaults());
        await().atMost(Duration.ofSeconds(15)).until(() -> sink.latest(SUPPLY).map(Sample::quality).orElse(null) == Quality.GOOD);

        Instant stopped = Instant.now();
        server.close();
        server = null;
        // Down for 20 s, long enough for reconnect attempts to back off, and the gap marked all along.
        await().atMost(Duration.ofSeconds(20)).until(() ->
                supplySince(stopped).stream().filter(s -> s.quality() == Quality.COMM_FAILED).count() >= 2);
        assertThat(collectors.health().get("cdu").state()).isEqualTo(DeviceState.DOWN);
        Thread.sleep(Math.max(0, Duration.ofSeconds(20).minus(Duration.between(stopped, Instant.now())).toMillis()));

        Instant restarted = Instant.now();
        server = startServer(Map.of("Loop.Supply", 27.0));
        await().atMost(Duration.ofSeconds(10)).until(() -> sink.latest(SUPPLY)
                .filter(s -> s.quality() == Quality.GOOD && s.value() == 27.0).isPresent());
        Duration recovery = Duration.between(restarted, Instant.now());
        assertThat(recovery).isLessThan(Duration.ofSeconds(10));

        List<Sample> sinceStop = supplySince(stopped);
        int firstNew = indexOf(sinceStop, 27.0);
        List<Sample> gap = sinceStop.subList(0, firstNew);
        // The old value is never repeated as GOOD while the server is gone: the outage is COMM_FAILED.
        assertThat(gap).as("samples between stop and recovery").isNotEmpty()
                .noneMatch(s -> s.quality() == Quality.GOOD);
        assertThat(gap.stream().filter(s -> s.quality() == Quality.COMM_FAILED).count()).isGreaterThanOrEqualTo(2);
        assertThat(gap).allSatisfy(s -> assertThat(s.value()).isNaN());

        server.set("Loop.Supply", 26.0);
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.latest(SUPPLY).map(Sample::value).orElse(0.0) == 26.0);
        assertThat(collectors.health().get("cdu").state()).isEqualTo(DeviceState.UP);
    }

    private static int indexOf(List<Sample> samples, double value) {
        for (int i = 0; i < samples.size(); i++) {
            if (samples.get(i).quality() == Quality.GOOD && samples.get(i).value() == value) {
                return i;
            }
        }
        throw new AssertionError("no GOOD " + value + " in " + samples);
    }

    @Test
    void anUnknownNodeAMalformedNodeIdAndABadStatusNeverFailTheOtherPoints() throws Exception {
        server = startServer(Map.of("Loop.Supply", 30.0, "Loop.Broken", 1.0));
        server.set("Loop.Broken", new DataValue(new Variant(1.0), new StatusCode(StatusCodes.Bad_SensorFailure), null, null));
        collectors = startCollectors(List.of(
                point("supply_c", "s=Loop.Supply"),
                point("missing", "s=Loop.DoesNotExist"),
                point("malformed", "g=not-a-guid"),
                point("broken", "s=Loop.Broken")));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(sink.latest(SUPPLY)).get().extracting(Sample::quality).isEqualTo(Quality.GOOD);
            assertThat(sink.latest(PointId.of("cdu", "missing"))).get().extracting(Sample::quality).isEqualTo(Quality.BAD);
            assertThat(sink.latest(PointId.of("cdu", "malformed"))).get().extracting(Sample::quality).isEqualTo(Quality.BAD);
            assertThat(sink.latest(PointId.of("cdu", "broken"))).get().extracting(Sample::quality).isEqualTo(Quality.BAD);
        });
        server.set("Loop.Supply", 31.0);
        await().atMost(Duration.ofSeconds(10)).until(() -> sink.latest(SUPPLY).map(Sample::value).orElse(0.0) == 31.0);
        // Refusals degrade the device and name the node; they never count as the device being gone.
        assertThat(collectors.health().get("cdu").state()).isEqualTo(DeviceState.DEGRADED);
        assertThat(collectors.health().get("cdu").lastError()).get().asString().containsAnyOf("Loop.DoesNotExist",
                "not-a-guid", "Loop.Broken");
    }
}
