package io.kelvin.collectors;

import io.kelvin.core.site.Cluster;
import io.kelvin.core.site.DataType;
import io.kelvin.core.site.Device;
import io.kelvin.core.site.DeviceClass;
import io.kelvin.core.site.DeviceProfile;
import io.kelvin.core.site.GridConnection;
import io.kelvin.core.site.PointDef;
import io.kelvin.core.site.PollClass;
import io.kelvin.core.site.Protocol;
import io.kelvin.core.site.Register;
import io.kelvin.core.site.RegisterType;
import io.kelvin.core.site.Site;
import io.kelvin.core.site.SiteInfo;
import io.kelvin.core.site.ValueRange;
import io.kelvin.core.site.WordOrder;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Small hand-built sites and profiles for collector tests. */
public final class TestSites {

    public static final ValueRange WIDE = new ValueRange(-1e300, 1e300);

    private TestSites() {
    }

    public static Register register(RegisterType type, int address, DataType dataType, WordOrder order) {
        return new Register(type, address, dataType, order, 1.0, 0.0, -1);
    }

    public static PointDef modbusPoint(String name, Register register, ValueRange range, PollClass pollClass) {
        return new PointDef(name, "1", "", Optional.of(register), Optional.empty(), range, Optional.empty(), pollClass);
    }

    public static PointDef setpoint(String name, Register register, ValueRange range, ValueRange limits) {
        return new PointDef(name, "1", "", Optional.of(register), Optional.empty(), range, Optional.of(limits),
                PollClass.FAST);
    }

    public static PointDef opcuaPoint(String name, String nodeId, ValueRange range, Optional<ValueRange> limits) {
        return new PointDef(name, "1", "", Optional.empty(), Optional.of(nodeId), range, limits, PollClass.FAST);
    }

    public static Device modbusDevice(String id, List<PointDef> points, int port, int unitId) {
        DeviceProfile profile = new DeviceProfile("test-" + id, "test", "test", DeviceClass.CHILLER, Protocol.MODBUS,
                Optional.empty(), points);
        return new Device(id, profile, Optional.empty(), Optional.of("127.0.0.1"), port, unitId, Optional.empty());
    }

    public static Device opcuaDevice(String id, String namespaceUri, List<PointDef> points, String endpoint) {
        DeviceProfile profile = new DeviceProfile("test-" + id, "test", "test", DeviceClass.CDU, Protocol.OPCUA,
                Optional.of(namespaceUri), points);
        return new Device(id, profile, Optional.of(endpoint), Optional.empty(), 0, 0, Optional.empty());
    }

    public static Site site(List<Device> devices) {
        return new Site(new SiteInfo("test", "Test", ZoneId.of("UTC"), 0, 0),
                new GridConnection(1000, false, Optional.empty(), Optional.empty()), List.of(), devices,
                new Cluster(1, 0.1, 0.5), Path.of("."));
    }
}
