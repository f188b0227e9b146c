package io.kelvin.simulator;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** One protocol endpoint of the twin (an OPC UA server, or a Modbus TCP slave for several units). */
public interface DeviceServer extends AutoCloseable {

    /** Publishes the values of one device it serves (point name -> engineering value) at {@code sourceTime}. */
    void publish(String deviceId, Map<String, Double> values, Instant sourceTime);

    /**
     * Raises an alarm condition of one device it serves (OPC UA: an AlarmConditionType instance whose
     * events go to the Server object; protocols without conditions ignore it).
     */
    default void raise(String deviceId, TwinAlarm alarm, String message) {
    }

    /** The fault behind an alarm condition is gone: the condition goes inactive. */
    default void clear(String deviceId, TwinAlarm alarm) {
    }

    /** How the condition stands on the server; empty when it was never raised or the protocol has none. */
    default Optional<TwinAlarmState> alarm(String deviceId, TwinAlarm alarm) {
        return Optional.empty();
    }

    /** Stops serving and frees the port. */
    @Override
    void close();
}
