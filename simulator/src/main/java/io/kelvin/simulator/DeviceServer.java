package io.kelvin.simulator;

import java.time.Instant;
import java.util.Map;

/** One protocol endpoint of the twin (an OPC UA server, or a Modbus TCP slave for several units). */
public interface DeviceServer extends AutoCloseable {

    /** Publishes the values of one device it serves (point name -> engineering value) at {@code sourceTime}. */
    void publish(String deviceId, Map<String, Double> values, Instant sourceTime);

    /**
     * Reports an event of one device it serves (OPC UA: an event on the Server object; protocols without
     * events ignore it). {@code severity} is 1..1000 as OPC UA defines it.
     */
    default void event(String deviceId, String source, int severity, String message) {
    }

    /** Stops serving and frees the port. */
    @Override
    void close();
}
