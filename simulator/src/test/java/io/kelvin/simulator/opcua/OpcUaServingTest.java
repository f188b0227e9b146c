package io.kelvin.simulator.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kelvin.core.site.Device;
import io.kelvin.core.site.PointDef;
import io.kelvin.core.site.Site;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.simulator.SiteTwin;
import io.kelvin.simulator.TwinOptions;
import io.kelvin.testkit.SettableClock;
import io.kelvin.testkit.SiteFixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpcUaServingTest {

    @TempDir
    static Path dir;
    static SettableClock clock;
    static SiteTwin twin;
    static Site site;

    @BeforeAll
    static void startTwin() {
        site = SiteFixtures.demoSite(dir);
        clock = new SettableClock(Instant.parse("2025-07-20T04:00:00Z"));
        twin = SiteTwin.start(site, new TwinOptions(clock, 11, dir.resolve("state")));
    }

    @AfterAll
    static void stopTwin() {
        twin.close();
    }

    @Test
    void everyCduPointReadsTheModelValueWithTheTwinClockAsSourceTime() throws Exception {
        Device cdu = site.device("cdu-05").orElseThrow();
        OpcUaClient client = connect(cdu);
        try {
            List<PointDef> points = cdu.profile().points();
            List<DataValue> read = client.readValues(0, TimestampsToReturn.Both,
                    points.stream().map(p -> nodeId(client, cdu, p)).toList());
            Map<String, Double> expected = twin.values("cdu-05");
            for (int i = 0; i < points.size(); i++) {
                assertThat(read.get(i).statusCode().isGood()).as(points.get(i).name()).isTrue();
                assertThat((Double) read.get(i).value().value()).as(points.get(i).name())
                        .isEqualTo(expected.get(points.get(i).name()));
                assertThat(read.get(i).sourceTime().getJavaInstant()).isEqualTo(twin.now());
            }
        } finally {
            client.disconnect();
        }
    }

    // First-order lag, tau 90 s: from 32.0 toward 28.0, after 90 s the supply is 28 + 4 e^-1 = 29.4715 degC.
    @Test
    void supplySetpointWrittenOverOpcUaPullsTheSupplyTemperatureWithFirstOrderLag() throws Exception {
        Device cdu = site.device("cdu-01").orElseThrow();
        OpcUaClient client = connect(cdu);
        try {
            NodeId setpoint = nodeId(client, cdu, cdu.profile().point("supply_temp_setpoint_c").orElseThrow());
            NodeId supply = nodeId(client, cdu, cdu.profile().point("supply_temp_c").orElseThrow());
            assertThat(read(client, supply)).isEqualTo(32.0);
            List<StatusCode> status = client.writeValues(List.of(setpoint), List.of(DataValue.valueOnly(Variant.ofDouble(28.0))));
            assertThat(status.get(0).isGood()).isTrue();
            clock.advance(Duration.ofSeconds(90));
            twin.advanceTo(clock.instant());
            assertThat(read(client, supply)).isCloseTo(28 + 4 * Math.exp(-1), within(1e-9));
            assertThat(read(client, setpoint)).isEqualTo(28.0);
        } finally {
            client.disconnect();
        }
    }

    // Setpoint limits of acme-cdu-800 are 20..45 degC: 50 is refused with Bad_OutOfRange (OPC UA Part 4, 7.34).
    @Test
    void setpointOutsideItsLimitsIsRefusedWithBadOutOfRange() throws Exception {
        Device cdu = site.device("cdu-02").orElseThrow();
        OpcUaClient client = connect(cdu);
        try {
            NodeId setpoint = nodeId(client, cdu, cdu.profile().point("supply_temp_setpoint_c").orElseThrow());
            NodeId flow = nodeId(client, cdu, cdu.profile().point("flow_lpm").orElseThrow());
            List<StatusCode> status = client.writeValues(List.of(setpoint, flow),
                    List.of(DataValue.valueOnly(Variant.ofDouble(50.0)), DataValue.valueOnly(Variant.ofDouble(1.0))));
            assertThat(status.get(0).value()).isEqualTo(StatusCodes.Bad_OutOfRange);
            assertThat(status.get(1).isBad()).as("flow is read-only").isTrue();
            assertThat(twin.value(PointId.of("cdu-02", "supply_temp_setpoint_c"))).isEqualTo(32.0);
        } finally {
            client.disconnect();
        }
    }

    static OpcUaClient connect(Device device) throws Exception {
        OpcUaClient client = OpcUaClient.create(device.endpoint().orElseThrow());
        client.connect();
        return client;
    }

    static NodeId nodeId(OpcUaClient client, Device device, PointDef point) {
        int index = client.getNamespaceTable().getIndex(device.profile().namespaceUri().orElseThrow()).intValue();
        return NodeId.parse("ns=" + index + ";" + point.nodeId().orElseThrow());
    }

    private static double read(OpcUaClient client, NodeId node) throws Exception {
        return (Double) client.readValue(0, TimestampsToReturn.Both, node).value().value();
    }
}
