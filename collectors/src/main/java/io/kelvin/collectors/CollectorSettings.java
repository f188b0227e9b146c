package io.kelvin.collectors;

import java.time.Duration;

/**
 * Tuning of the collectors. {@code modbusTimeout}: how long a Modbus request may take before it
 * counts as failed; {@code reconnectMin}/{@code reconnectMax}: the capped backoff between connection
 * attempts for both protocols; {@code unitProbeMax}: the cap of the backoff between probes of a
 * Modbus unit whose circuit breaker is open (it starts at {@code reconnectMin}).
 */
public record CollectorSettings(Duration modbusTimeout, Duration reconnectMin, Duration reconnectMax,
                                Duration unitProbeMax) {

    public static final Duration UNIT_PROBE_MAX = Duration.ofMinutes(5);

    public CollectorSettings {
        if (unitProbeMax.compareTo(reconnectMin) < 0) {
            throw new IllegalArgumentException("unitProbeMax " + unitProbeMax + " is below reconnectMin " + reconnectMin);
        }
    }

    public CollectorSettings(Duration modbusTimeout, Duration reconnectMin, Duration reconnectMax) {
        this(modbusTimeout, reconnectMin, reconnectMax, UNIT_PROBE_MAX);
    }

    public static CollectorSettings defaults() {
        return new CollectorSettings(Duration.ofSeconds(2), ReconnectBackoff.MIN_WAIT, ReconnectBackoff.MAX_WAIT);
    }

    ReconnectBackoff newBackoff() {
        return new ReconnectBackoff(reconnectMin, reconnectMax);
    }
}
