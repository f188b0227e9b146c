package io.kelvin.core.site.load;

import io.kelvin.core.site.DataType;
import io.kelvin.core.site.DeviceClass;
import io.kelvin.core.site.DeviceProfile;
import io.kelvin.core.site.PointDef;
import io.kelvin.core.site.PollClass;
import io.kelvin.core.site.Protocol;
import io.kelvin.core.site.Register;
import io.kelvin.core.site.RegisterType;
import io.kelvin.core.site.ValueRange;
import io.kelvin.core.site.WordOrder;
import io.kelvin.core.telemetry.PointId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads one device profile ({@code profiles/ID.yaml}) into a {@link DeviceProfile}, recording every problem. */
final class ProfileReader {

    private static final int MAX_ADDRESS = 65535;

    private ProfileReader() {
    }

    static DeviceProfile read(Node root, String expectedId) {
        root.allowOnly("profile", "manufacturer", "model", "deviceClass", "protocol", "namespaceUri", "subscription",
                "points");
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
        OpcUaReader.Defaults subscription = opcuaDefaults(root, protocol);
        List<PointDef> points = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (Node point : root.list("points")) {
            PointDef def = opcuaPoint(point, point(point, protocol), subscription, protocol);
            String earlier = names.putIfAbsent(def.name(), point.path());
            if (earlier != null) {
                point.problem("duplicate point name '" + def.name() + "' (first at " + earlier + ")");
            }
            points.add(def);
        }
        checkOverlaps(root, points);
        return new DeviceProfile(expectedId, root.optText("manufacturer").orElse(""),
                root.optText("model").orElse(""), deviceClass, protocol, namespaceUri, List.copyOf(points));
    }

    private static OpcUaReader.Defaults opcuaDefaults(Node root, Protocol protocol) {
        if (protocol != Protocol.OPCUA && root.has("subscription")) {
            root.problem("subscription", "belongs to OPC UA profiles");
        }
        return OpcUaReader.defaults(root);
    }

    /** The point with its OPC UA subscription settings resolved against the profile's defaults. */
    private static PointDef opcuaPoint(Node node, PointDef def, OpcUaReader.Defaults defaults, Protocol protocol) {
        if (protocol != Protocol.OPCUA) {
            if (node.has("subscription")) {
                node.problem("subscription", "belongs to OPC UA profiles");
            }
            return def;
        }
        def.nodeId().ifPresent(id -> OpcUaReader.checkNodeId(node, id));
        return new PointDef(def.name(), def.unit(), def.description(), def.register(), def.nodeId(), def.range(),
                def.setpoint(), def.pollClass(), OpcUaReader.monitoring(node, defaults, def.pollClass()));
    }

    private static PointDef point(Node node, Protocol protocol) {
        node.allowOnly("name", "unit", "description", "register", "node", "range", "setpoint", "pollClass",
                "subscription");
        String name = node.id("name", PointId.ID);
        String unit = node.optText("unit").orElse("");
        if (!node.has("unit")) {
            node.problem("unit is required (use \"1\" for dimensionless values)");
        }
        Optional<Register> register = Optional.empty();
        Optional<String> nodeId = Optional.empty();
        if (protocol == Protocol.MODBUS) {
            register = node.object("register").map(ProfileReader::register);
            if (node.has("node")) {
                node.problem("node belongs to OPC UA profiles; a Modbus point needs a register");
            }
        } else {
            nodeId = Optional.of(node.text("node"));
            if (node.has("register")) {
                node.problem("register belongs to Modbus profiles; an OPC UA point needs a node");
            }
        }
        ValueRange range = node.object("range").map(ProfileReader::range).orElse(new ValueRange(0, 0));
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
        });
        PollClass pollClass = node.optEnum("pollClass", PollClass.class).orElse(PollClass.NORMAL);
        return new PointDef(name, unit, node.optText("description").orElse(""), register, nodeId, range,
                setpoint, pollClass);
    }

    private static Register register(Node node) {
        node.allowOnly("type", "address", "dataType", "wordOrder", "scale", "offset", "bit");
        RegisterType type = node.requiredEnum("type", RegisterType.class).orElse(RegisterType.HOLDING);
        int address = node.integer("address", 0, MAX_ADDRESS);
        DataType dataType = node.optEnum("dataType", DataType.class).orElse(type.isBit() ? DataType.BOOL : DataType.UINT16);
        WordOrder wordOrder = node.optEnum("wordOrder", WordOrder.class).orElse(WordOrder.ABCD);
        double scale = node.optNumber("scale").orElse(1.0);
        if (scale == 0) {
            node.problem("scale must not be 0");
            scale = 1.0;
        }
        double offset = node.optNumber("offset").orElse(0.0);
        int bit = node.integerOr("bit", -1, 0, 15);
        if (type.isBit() && dataType != DataType.BOOL) {
            node.problem("a " + type.name().toLowerCase() + " holds one bit: dataType must be bool");
        }
        if (!type.isBit() && dataType == DataType.BOOL && bit < 0) {
            node.problem("a bool on a register needs bit 0..15");
        }
        if (address + dataType.registers() - 1 > MAX_ADDRESS) {
            node.problem("value runs past register 65535");
        }
        return new Register(type, address, dataType, wordOrder, scale, offset, bit);
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

    /** Two points may not share a register, unless both are single bits of it. */
    private static void checkOverlaps(Node root, List<PointDef> points) {
        for (int i = 0; i < points.size(); i++) {
            for (int j = 0; j < i; j++) {
                Optional<Register> a = points.get(i).register();
                Optional<Register> b = points.get(j).register();
                if (a.isPresent() && b.isPresent() && overlap(a.get(), b.get())) {
                    root.problem("points[" + i + "] '" + points.get(i).name() + "' overlaps points[" + j + "] '"
                            + points.get(j).name() + "' in the " + a.get().type().name().toLowerCase() + " table");
                }
            }
        }
    }

    private static boolean overlap(Register a, Register b) {
        if (a.type() != b.type()) {
            return false;
        }
        if (a.bit() >= 0 && b.bit() >= 0) {
            return a.address() == b.address() && a.bit() == b.bit();
        }
        return a.address() < b.address() + b.count() && b.address() < a.address() + a.count();
    }
}
