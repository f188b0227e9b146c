package io.kelvin.simulator.modbus;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import io.kelvin.core.site.Device;
import io.kelvin.core.site.RegisterType;
import io.kelvin.simulator.DeviceServer;
import io.kelvin.simulator.SetpointSink;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One j2mod Modbus TCP slave on one (host, port), with a process image per unit id for the devices
 * that share the port.
 */
public final class ModbusEndpoint implements DeviceServer {

    private static final Logger LOG = LoggerFactory.getLogger(ModbusEndpoint.class);
    /** Handler threads = concurrent connections j2mod serves on this port. */
    private static final int CONNECTION_POOL = 8;

    private final String address;
    private final ModbusSlave slave;
    private final Map<String, UnitImage> images;

    private ModbusEndpoint(String address, ModbusSlave slave, Map<String, UnitImage> images) {
        this.address = address;
        this.slave = slave;
        this.images = images;
    }

    /** Opens the slave at {@code host:port} serving {@code devices} with their {@code initial} values. */
    public static ModbusEndpoint start(String host, int port, List<Device> devices,
                                       Map<String, Map<String, Double>> initial, SetpointSink sink) {
        Map<String, UnitImage> images = new HashMap<>();
        try {
            ModbusSlave slave = ModbusSlaveFactory.createTCPSlave(InetAddress.getByName(host), port, CONNECTION_POOL, false);
            for (Device device : devices) {
                UnitImage image = new UnitImage(new UnitRegisters(device, sink));
                image.publish(initial.getOrDefault(device.id(), Map.of()));
                slave.addProcessImage(device.unitId(), image);
                images.put(device.id(), image);
            }
            slave.open();
            LOG.debug("serving {} at {}:{}", images.keySet(), host, port);
            return new ModbusEndpoint(host + ":" + port, slave, images);
        } catch (UnknownHostException | ModbusException e) {
            throw new IllegalStateException("cannot open Modbus TCP slave at " + host + ":" + port, e);
        }
    }

    @Override
    public void publish(String deviceId, Map<String, Double> values, Instant sourceTime) {
        UnitImage image = images.get(deviceId);
        if (image != null) {
            image.publish(values);
        }
    }

    /** The raw words a device serves, for tests: {@code count} words of {@code type} from {@code start}. */
    public int[] words(String deviceId, RegisterType type, int start, int count) {
        UnitImage image = images.get(deviceId);
        if (image == null) {
            throw new IllegalArgumentException(deviceId + " is not served at " + address);
        }
        return image.words(type, start, count);
    }

    @Override
    public void close() {
        ModbusSlaveFactory.close(slave);
    }
}
