package io.kelvin.collectors.bench;

import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import io.kelvin.collectors.TestSites;
import io.kelvin.core.modbus.RegisterCodec;
import io.kelvin.core.site.DataType;
import io.kelvin.core.site.Device;
import io.kelvin.core.site.DeviceClass;
import io.kelvin.core.site.DeviceProfile;
import io.kelvin.core.site.PointDef;
import io.kelvin.core.site.PollClass;
import io.kelvin.core.site.Protocol;
import io.kelvin.core.site.Register;
import io.kelvin.core.site.RegisterType;
import io.kelvin.core.site.Site;
import io.kelvin.core.site.WordOrder;
import io.kelvin.testkit.FreePorts;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;

/**
 * Synthetic devices on loopback for the benchmark, lighter than the twin: every device has
 * {@link #POINTS} FAST (1 s) points. Modbus devices are units 1..{@value #UNITS_PER_GATEWAY} of
 * j2mod TCP slaves (one per gateway port), their points float32 input registers 0, 2, ... 98, so
 * one device is one 100-register read. OPC UA devices share Milo servers ({@value #DEVICES_PER_SERVER}
 * sessions each, {@link BenchOpcUaServer}) serving {@link #POINTS} Double nodes that a ticker
 * changes every second.
 */
final class BenchFarm implements Farm {

    static final int POINTS = 50;
    static final int UNITS_PER_GATEWAY = 50;
    static final int DEVICES_PER_SERVER = 100;
    static final String NAMESPACE = "urn:kelvin:bench";

    private final List<ModbusSlave> slaves = new ArrayList<>();
    private final List<BenchOpcUaServer> servers = new ArrayList<>();
    private final List<Integer> gatewayPorts = new ArrayList<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final Site site;

    private BenchFarm(int modbusDevices, int opcuaDevices) throws Exception {
        List<Device> devices = new ArrayList<>();
        DeviceProfile modbus = modbusProfile();
        for (int d = 0; d < modbusDevices; d++) {
            int unit = d % UNITS_PER_GATEWAY + 1;
            if (unit == 1) {
                gatewayPorts.add(startGateway(Math.min(UNITS_PER_GATEWAY, modbusDevices - d)));
            }
            devices.add(new Device(String.format("mb-%04d", d), modbus, Optional.empty(), Optional.of("127.0.0.1"),
                    gatewayPorts.getLast(), unit, Optional.empty()));
        }
        DeviceProfile opcua = opcuaProfile();
        for (int d = 0; d < opcuaDevices; d++) {
            if (d % DEVICES_PER_SERVER == 0) {
                List<String> nodes = new ArrayList<>();
                for (int p = 0; p < POINTS; p++) {
                    nodes.add(node(p));
                }
                servers.add(BenchOpcUaServer.start(FreePorts.loopback(), NAMESPACE, nodes));
            }
            devices.add(new Device(String.format("ua-%04d", d), opcua, Optional.of(servers.getLast().endpoint()),
                    Optional.empty(), 0, 0, Optional.empty()));
        }
        site = TestSites.site(devices);
        ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    static BenchFarm start(int modbusDevices, int opcuaDevices) throws Exception {
        return new BenchFarm(modbusDevices, opcuaDevices);
    }

    @Override
    public Site site() {
        return site;
    }

    @Override
    public List<Integer> gatewayPorts() {
        return gatewayPorts;
    }

    /** New values with a fresh source time on every OPC UA node, so each subscription delivers every point each second. */
    private void tick() {
        DateTime now = DateTime.now();
        double base = System.currentTimeMillis() / 1000.0;
        for (BenchOpcUaServer server : servers) {
            for (int p = 0; p < POINTS; p++) {
                server.set(node(p), new DataValue(new Variant(base + p), StatusCode.GOOD, now, now));
            }
        }
    }

    private int startGateway(int units) throws Exception {
        int port = FreePorts.loopback();
        ModbusSlave slave = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 2, false);
        Register register = new Register(RegisterType.INPUT, 0, DataType.FLOAT32, WordOrder.ABCD, 1, 0, -1);
        for (int unit = 1; unit <= units; unit++) {
            SimpleProcessImage image = new SimpleProcessImage(unit);
            for (int p = 0; p < POINTS; p++) {
                for (int word : RegisterCodec.encode(register, unit * 100.0 + p, 0)) {
                    image.addInputRegister(new SimpleInputRegister(word));
                }
            }
            slave.addProcessImage(unit, image);
        }
        slave.open();
        slaves.add(slave);
        return port;
    }

    static DeviceProfile modbusProfile() {
        List<PointDef> points = new ArrayList<>();
        for (int p = 0; p < POINTS; p++) {
            Register register = new Register(RegisterType.INPUT, 2 * p, DataType.FLOAT32, WordOrder.ABCD, 1, 0, -1);
            points.add(TestSites.modbusPoint(point(p), register, TestSites.WIDE, PollClass.FAST));
        }
        return new DeviceProfile("bench-modbus", "bench", "bench", DeviceClass.METER, Protocol.MODBUS,
                Optional.empty(), points);
    }

    static DeviceProfile opcuaProfile() {
        List<PointDef> points = new ArrayList<>();
        for (int p = 0; p < POINTS; p++) {
            points.add(TestSites.opcuaPoint(point(p), "s=" + node(p), TestSites.WIDE, Optional.empty()));
        }
        return new DeviceProfile("bench-opcua", "bench", "bench", DeviceClass.CDU, Protocol.OPCUA,
                Optional.of(NAMESPACE), points);
    }

    static String point(int p) {
        return String.format("p%02d", p);
    }

    private static String node(int p) {
        return String.format("N%02d", p);
    }

    @Override
    public void close() throws Exception {
        ticker.shutdownNow();
        slaves.forEach(ModbusSlaveFactory::close);
        for (BenchOpcUaServer server : servers) {
            server.close();
        }
    }
}
