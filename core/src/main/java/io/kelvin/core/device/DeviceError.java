package io.kelvin.core.device;

import java.time.Instant;
import java.util.Objects;

/**
 * A device's last error in its own words. {@code code} is what the device or its link said: the OPC UA
 * StatusCode's symbolic name (Part 4, 7.39 and Part 6, A.2, e.g. {@code BadSensorFailure},
 * {@code BadNodeIdUnknown}), the Modbus exception name (Modbus Application Protocol v1.1b3, clause 7,
 * e.g. {@code ILLEGAL DATA ADDRESS}) or the socket's error (e.g. {@code Connection refused}).
 * {@code message} says where (unit, table and addresses; node and point) and what Kelvin does next;
 * {@code at} is the collector clock's time it happened. {@link #toString()} is the message.
 */
public record DeviceError(String code, String message, Instant at) {

    public DeviceError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(at, "at");
    }

    @Override
    public String toString() {
        return message;
    }
}
