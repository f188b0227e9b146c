package io.kelvin.core.site.load;

import io.kelvin.core.modbus.sunspec.SunSpecLayout;
import io.kelvin.core.modbus.sunspec.SunSpecModels;
import io.kelvin.core.site.DeviceClass;
import io.kelvin.core.site.DeviceProfile;
import io.kelvin.core.site.Discovery;
import io.kelvin.core.site.ModbusQuirks;
import io.kelvin.core.site.PointDef;
import io.kelvin.core.site.PollClass;
import io.kelvin.core.site.PollIntervals;
import io.kelvin.core.site.Protocol;
import io.kelvin.core.site.Register;
import io.kelvin.core.site.ValueRange;
import io.kelvin.core.telemetry.PointId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads one device profile ({@code profiles/ID.yaml}) into a {@link DeviceProfile}, recording every problem. */
final class ProfileReader {

    private ProfileReader() {
    }

    static DeviceProfile read(Node root, String expectedId) {
        root.allowOnly("profile", "manufacturer", "model", "deviceClass", "protocol", "namespaceUri", "points",
                "pollIntervals", "modbus", "discover", "subscription");
        String id = root.id("profile", PointId.ID);
        if (!id.isEmpty() && !id.equals(expectedId)) {
            root.problem("profile id '" + id + "' must match the file name '" + expectedId + "'");
        }
        DeviceClass deviceClass = root.requiredEnum("deviceClass", DeviceClass.class).orElse(DeviceClass.METER);
        Protocol protocol = root.requiredEnum("protocol", Protocol.class).orElse(Protocol.MODBUS);
        Optional<String> namespaceUri = root.optText("namespaceUri");
        if (protocol == Protocol.OPCUA && namespaceUri.isEmpty()) {
            root.problem("namespaceUri is required for an OPC UA profile");
        }
        ModbusQuirks quirks = root.optObject("modbus").map(ModbusBlockReader::quirks).orElse(ModbusQuirks.DEFAULTS);
        if (protocol != Protocol.MODBUS && root.has("modbus")) {
            root.problem("modbus belongs to Modbus profiles");
        }
        PollIntervals intervals = root.optObject("pollIntervals").map(ModbusBlockReader::pollIntervals)
                .orElse(PollIntervals.DEFAULTS);
        Discovery discovery = ModbusBlockReader.discovery(root);
        List<PointDef> points = discovery == Discovery.SUNSPEC ? sunspecPoints(root, protocol)
                : points(root, protocol, quirks, intervals);
        return new DeviceProfile(expectedId, root.optText("manufacturer").orElse(""),
                root.optText("model").orElse(""), deviceClass, protocol, namespaceUri, List.copyOf(points),
                intervals, quirks, discovery);
    }

    private static List<PointDef> points(Node root, Protocol protocol, ModbusQuirks quirks, PollIntervals intervals) {
        OpcUaReader.Defaults subscription = opcuaDefaults(root, protocol);
        List<PointDef> points = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (Node point : root.list("points")) {
            PointDef def = opcuaPoint(point, point(point, protocol, quirks), subscription, protocol, intervals);
            String earlier = names.putIfAbsent(def.name(), point.path());
            if (earlier != null) {
                point.problem("duplicate point name '" + def.name() + "' (first at " + earlier + ")");
            }
            points.add(def);
        }
        RegisterReader.checkOverlaps(root, points);
        return points;
    }

    private static OpcUaReader.Defaults opcuaDefaults(Node root, Protocol protocol) {
        if (protocol != Protocol.OPCUA && root.has("subscription")) {
            root.problem("subscription", "belongs to OPC UA profiles");
        }
        return OpcUaReader.defaults(root);
    }

    /**
     * The point with its OPC UA subscription settings resolved against the profile's defaults; without a
     * {@code samplingMs} anywhere, the server samples at the point's poll interval.
     */
    private static PointDef opcuaPoint(Node node, PointDef def, OpcUaReader.Defaults defaults, Protocol protocol,
                                       PollIntervals intervals) {
        if (protocol != Protocol.OPCUA) {
            if (node.has("subscription")) {
                node.problem("subscription", "belongs to OPC UA profiles");
            }
            return def;
        }
        def.nodeId().ifPresent(id -> OpcUaReader.checkNodeId(node, id));
        return new PointDef(def.name(), def.unit(), def.description(), def.register(), def.nodeId(), def.range(),
                def.setpoint(), def.pollClass(), def.pollInterval(), OpcUaReader.monitoring(node, defaults, intervals.of(def)));
    }

    /** A SunSpec profile declares the standard points; discovery places them on each device. */
    private static List<PointDef> sunspecPoints(Node root, Protocol protocol) {
        if (protocol != Protocol.MODBUS) {
            root.problem("discover: sunspec needs protocol modbus");
        }
        if (root.has("points")) {
            root.problem("points come from SunSpec discovery in a profile with discover: sunspec; remove them");
        }
        return SunSpecModels.numericPoints().stream().map(SunSpecLayout::declared).toList();
    }

    private static PointDef point(Node node, Protocol protocol, ModbusQuirks quirks) {
        node.allowOnly("name", "unit", "description", "register", "node", "range", "setpoint", "pollClass",
                "pollInterval", "subscription");
        String name = node.id("name", PointId.ID);
        Optional<Register> register = Optional.empty();
        Optional<String> nodeId = Optional.empty();
        if (protocol == Protocol.MODBUS) {
            register = node.object("register").map(r -> RegisterReader.register(r, quirks));
            if (node.has("node")) {
                node.problem("node belongs to OPC UA profiles; a Modbus point needs a register");
            }
        } else {
            nodeId = Optional.of(node.text("node"));
            if (node.has("register")) {
                node.problem("register belongs to Modbus profiles; an OPC UA point needs a node");
            }
        }
        boolean text = register.map(Register::isText).orElse(false);
        String unit = node.optText("unit").orElse(text ? "text" : "");
        if (!node.has("unit") && !text) {
            node.problem("unit is required (use \"1\" for dimensionless values)");
        }
        Optional<Node> rangeNode = text ? node.optObject("range") : node.object("range");
        ValueRange range = rangeNode.map(ProfileReader::range).orElse(new ValueRange(0, 0));
        Optional<ValueRange> setpoint = node.optObject("setpoint").map(ProfileReader::range);
        setpoint.ifPresent(limits -> {
            if (limits.min() < range.min() || limits.max() > range.max()) {
                node.problem("setpoint limits must lie inside the point's range");
            }
        });
        register.ifPresent(reg -> {
            if (setpoint.isPresent() && !reg.type().isWritable()) {
                node.problem("setpoint on a " + reg.type().name().toLowerCase() + " register, which cannot be written");
            }
            if (setpoint.isPresent() && reg.isText()) {
                node.problem("a string point cannot be a setpoint");
            }
        });
        PollClass pollClass = node.optEnum("pollClass", PollClass.class).orElse(PollClass.NORMAL);
        Optional<Duration> pollInterval = node.optDuration("pollInterval", PollIntervals.MIN, PollIntervals.MAX);
        return new PointDef(name, unit, node.optText("description").orElse(""), register, nodeId, range,
                setpoint, pollClass, pollInterval);
    }

    private static ValueRange range(Node node) {
        node.allowOnly("min", "max");
        double min = node.number("min", -Double.MAX_VALUE, Double.MAX_VALUE);
        double max = node.number("max", -Double.MAX_VALUE, Double.MAX_VALUE);
        if (min > max) {
            node.problem("min " + min + " is above max " + max);
        }
        return new ValueRange(min, max);
    }
}
