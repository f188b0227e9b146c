package io.kelvin.simulator;

import java.time.Instant;
import java.util.Map;

/** One protocol endpoint of the twin (an OPC UA server, or a Modbus TCP slave for several units). */
public interface DeviceServer extends AutoCloseable {

    /** Publishes the values of one device it serves (point name -> engineering value) at {@code sourceTime}. */
    void publish(String deviceId, Map<String, Double> values, Instant sourceTime);

    /** Stops serving and frees the port. */
    @Override
    void close();
}
