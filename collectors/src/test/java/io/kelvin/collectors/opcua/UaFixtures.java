package io.kelvin.collectors.opcua;

import io.kelvin.collectors.CollectorSettings;
import io.kelvin.collectors.TestSites;
import io.kelvin.core.site.Device;
import io.kelvin.core.site.Monitoring;
import io.kelvin.core.site.OpcUaSettings;
import io.kelvin.core.site.PointDef;
import io.kelvin.core.site.PollClass;
import io.kelvin.core.site.ValueRange;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Devices and points with OPC UA settings for the collector tests of this package. */
final class UaFixtures {

    static final String NS = "urn:acme:test-cdu";
    static final CollectorSettings QUICK = new CollectorSettings(
            Duration.ofMillis(500), Duration.ofMillis(200), Duration.ofMillis(500));

    private UaFixtures() {
    }

    static PointDef point(String name, String node, ValueRange range, Monitoring monitoring) {
        return new PointDef(name, "degC", "", Optional.empty(), Optional.of(node), range, Optional.empty(),
                PollClass.FAST, monitoring);
    }

    static Device device(String id, int port, List<PointDef> points, OpcUaSettings settings) {
        Device plain = TestSites.opcuaDevice(id, NS, points, "opc.tcp://127.0.0.1:" + port + "/test");
        return new Device(plain.id(), plain.profile(), plain.endpoint(), plain.host(), plain.port(), plain.unitId(),
                plain.ratedKw(), settings);
    }
}
