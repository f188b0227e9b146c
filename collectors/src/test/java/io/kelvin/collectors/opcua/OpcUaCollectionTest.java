package io.kelvin.collectors.opcua;

import static io.kelvin.collectors.TestSites.opcuaDevice;
import static io.kelvin.collectors.TestSites.opcuaPoint;
import static io.kelvin.collectors.TestSites.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kelvin.collectors.CollectorSettings;
import io.kelvin.collectors.Collectors;
import io.kelvin.core.device.DeviceState;
import io.kelvin.core.control.SetpointRejectedException;
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
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.junit.jupiter.api.Test;

class OpcUaCollectionTest extends LoopbackUaTest {

    private static final String NS = "urn:acme:test-cdu";
    private static final CollectorSettings QUICK = new CollectorSettings(
            Duration.ofMillis(500), Duration.ofMillis(200), Duration.ofMillis(500));
    private static final List<PointDef> POINTS = List.of(
            opcuaPoint("supply_c", "s=Loop.Supply", new ValueRange(10, 60), Optional.empty()),
            opcuaPoint("flow_lpm", "s=Loop.Flow", new ValueRange(0, 4000), Optional.empty()),
            opcuaPoint("setpoint_c", "s=Loop.Setpoint", new ValueRange(10, 60), Optional.of(new ValueRange(20, 45))));
    private static final PointId SUPPLY = PointId.of("cdu", "supply_c");

    private LoopbackOpcUaServer startServer(double supply) throws Exception {
        return LoopbackOpcUaServer.start(port, NS, Map.of("Loop.Supply", supply, "Loop.Flow", 800.0f, "Loop.Setpoint", 30.0));
    }

    private Collectors startCollectors() {
        String endpoint = "opc.tcp://127.0.0.1:" + port + "/test";
        return Collectors.start(site(List.of(opcuaDevice("cdu", NS, POINTS, endpoint))), sink, Clock.systemUTC(), QUICK);
    }

    private void awaitSupply(double value, Quality quality) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(sink.latest(SUPPLY)).get()
                .satisfies(s -> assertThat(s.quality()).as(() -> "health: " + collectors.health()).isEqualTo(quality))
                .satisfies(s -> assertThat(s.value()).as(() -> "samples: " + sink.all().stream()
                        .filter(a -> a.point().equals(SUPPLY)).toList()).isEqualTo(value)));
    }

    @Test
    void everyNodeHasAValueAtOnceAndChangesArriveBySubscription() throws Exception {
        server = startServer(30.0);
        collectors = startCollectors();

        awaitSupply(30.0, Quality.GOOD);
        assertThat(sink.latest(PointId.of("cdu", "flow_lpm"))).get().extracting(Sample::value).isEqualTo(800.0);

        server.set("Loop.Supply", 31.5);
        awaitSupply(31.5, Quality.GOOD);
        assertThat(collectors.health().get("cdu").state()).isEqualTo(DeviceState.UP);
    }

    @Test
    void statusCodesAndTheSaneRangeDecideQualityAndSourceTimeIsTheDevices() throws Exception {
        server = startServer(30.0);
        collectors = startCollectors();
        awaitSupply(30.0, Quality.GOOD);
        // ahead of the real clock, so the snapshot (which never moves back in source time) takes it
        Instant stamped = Instant.now().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

        // OPC UA Part 4, 7.39: the two top bits of a StatusCode give its severity
        server.set("Loop.Supply", new DataValue(new Variant(32.0), new StatusCode(StatusCodes.Uncertain_LastUsableValue),
                new DateTime(stamped), DateTime.now()));
        awaitSupply(32.0, Quality.UNCERTAIN);
        assertThat(sink.latest(SUPPLY)).get().extracting(Sample::sourceTime).isEqualTo(stamped);

        server.set("Loop.Supply", new DataValue(new Variant(33.0), new StatusCode(StatusCodes.Bad_SensorFailure),
                new DateTime(stamped.plusSeconds(1)), DateTime.now()));
        awaitSupply(33.0, Quality.BAD);

        server.set("Loop.Supply", new DataValue(new Variant(999.0), StatusCode.GOOD,
                new DateTime(stamped.plusSeconds(2)), DateTime.now()));
        awaitSupply(999.0, Quality.OUT_OF_RANGE);
    }

    @Test
    void aServerThatIsDownAtStartGivesCommFailedUntilItComesUp() throws Exception {
        long before = System.nanoTime();
        collectors = startCollectors();
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(1));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(sink.latest(SUPPLY)).get().satisfies(s -> {
                assertThat(s.quality()).isEqualTo(Quality.COMM_FAILED);
                assertThat(s.value()).isNaN();
            });
            assertThat(collectors.health().get("cdu").state()).isEqualTo(DeviceState.DOWN);
        });

        server = startServer(28.0);
        // a value that last changed before the outage must still replace COMM_FAILED in the snapshot
        server.set("Loop.Supply", new DataValue(new Variant(28.0), StatusCode.GOOD,
                new DateTime(Instant.now().minus(Duration.ofHours(1))), null));
        awaitSupply(28.0, Quality.GOOD);
    }

    @Test
    void aLostServerGivesCommFailedAndTheSubscriptionComesBackWithIt() throws Exception {
        server = startServer(30.0);
        collectors = startCollectors();
        awaitSupply(30.0, Quality.GOOD);

        server.close();
        server = null;
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(sink.latest(SUPPLY)).get().extracting(Sample::quality).isEqualTo(Quality.COMM_FAILED));

        server = startServer(27.0);
        awaitSupply(27.0, Quality.GOOD);
        server.set("Loop.Supply", 26.0);
        awaitSupply(26.0, Quality.GOOD);
    }

    @Test
    void aSetpointIsWrittenInTheNodesTypeAndReadBack() throws Exception {
        server = startServer(30.0);
        collectors = startCollectors();
        awaitSupply(30.0, Quality.GOOD);

        assertThat(collectors.write(PointId.of("cdu", "setpoint_c"), 25.0)).isEqualTo(25.0);
        assertThat(server.value("Loop.Setpoint")).isEqualTo(25.0);

        assertThatThrownBy(() -> collectors.write(PointId.of("cdu", "setpoint_c"), 50.0))
                .isInstanceOf(SetpointRejectedException.class);
        assertThat(server.value("Loop.Setpoint")).isEqualTo(25.0);
    }
}
