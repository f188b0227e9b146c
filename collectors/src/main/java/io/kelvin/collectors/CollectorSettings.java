package io.kelvin.collectors;

import java.time.Duration;

/**
 * Tuning of the collectors. {@code modbusTimeout}: how long a Modbus request may take before it
 * counts as failed; {@code reconnectMin}/{@code reconnectMax}: the capped backoff between connection
 * attempts for both protocols.
 */
public record CollectorSettings(Duration modbusTimeout, Duration reconnectMin, Duration reconnectMax) {

    public static CollectorSettings defaults() {
        return new CollectorSettings(Duration.ofSeconds(2), ReconnectBackoff.MIN_WAIT, ReconnectBackoff.MAX_WAIT);
    }

    ReconnectBackoff newBackoff() {
        return new ReconnectBackoff(reconnectMin, reconnectMax);
    }
}
