package io.kelvin.core.telemetry;

import java.time.Instant;
import java.util.Objects;

/**
 * One alarm or event a device reported (an OPC UA event: OPC UA Part 5, 6.4.2 BaseEventType).
 * {@code source} names what raised it on the device (the event's SourceName, e.g.
 * {@code Alarms.LeakDetected}); {@code severity} is 1 (lowest) .. 1000 (highest) as OPC UA defines it;
 * {@code message} is the device's text, kept as is; {@code sourceTime} is the device's event time,
 * {@code collectedAt} when Kelvin received it.
 */
public record Alarm(String device, String source, int severity, String message, Instant sourceTime,
                    Instant collectedAt) {

    public Alarm {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(sourceTime, "sourceTime");
        Objects.requireNonNull(collectedAt, "collectedAt");
        if (severity < 1 || severity > 1000) {
            throw new IllegalArgumentException("severity must be 1..1000, was " + severity);
        }
    }
}
