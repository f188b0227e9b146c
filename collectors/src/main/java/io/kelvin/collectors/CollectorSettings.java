package io.kelvin.collectors;

import io.kelvin.core.retry.Backoff;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * Tuning of the collectors. {@code modbusTimeout}: how long a Modbus request may take before it
 * counts as failed; {@code reconnectMin}/{@code reconnectMax}: the capped backoff between connection
 * attempts for both protocols; {@code unitProbeMax}: the cap of the backoff between probes of a
 * Modbus unit whose circuit breaker is open (it starts at {@code reconnectMin}); {@code pkiDir}: the
 * OPC UA certificate folder ({@code own/}, {@code trusted/}, {@code rejected/}; the app passes
 * {@code DATA_DIR/pki}); {@code environment}: where {@code passwordEnv} names are looked up
 * ({@link System#getenv(String)} outside tests).
 */
public record CollectorSettings(Duration modbusTimeout, Duration reconnectMin, Duration reconnectMax,
                                Duration unitProbeMax, Path pkiDir, UnaryOperator<String> environment) {

    /** The first wait after a failed connection attempt, doubling per failure up to {@link #RECONNECT_MAX}. */
    public static final Duration RECONNECT_MIN = Duration.ofSeconds(1);
    public static final Duration RECONNECT_MAX = Duration.ofSeconds(30);
    public static final Duration UNIT_PROBE_MAX = Duration.ofMinutes(5);
    /** Where the OPC UA certificates live when nobody says: {@code var/pki}, the demo's data dir. */
    public static final Path DEFAULT_PKI_DIR = Path.of("var", "pki");

    public CollectorSettings {
        if (unitProbeMax.compareTo(reconnectMin) < 0) {
            throw new IllegalArgumentException("unitProbeMax " + unitProbeMax + " is below reconnectMin " + reconnectMin);
        }
    }

    public CollectorSettings(Duration modbusTimeout, Duration reconnectMin, Duration reconnectMax, Duration unitProbeMax) {
        this(modbusTimeout, reconnectMin, reconnectMax, unitProbeMax, DEFAULT_PKI_DIR, System::getenv);
    }

    public CollectorSettings(Duration modbusTimeout, Duration reconnectMin, Duration reconnectMax) {
        this(modbusTimeout, reconnectMin, reconnectMax, UNIT_PROBE_MAX);
    }

    public static CollectorSettings defaults() {
        return new CollectorSettings(Duration.ofSeconds(2), RECONNECT_MIN, RECONNECT_MAX);
    }

    /** The same settings with the OPC UA certificates under {@code dir}. */
    public CollectorSettings withPkiDir(Path dir) {
        return new CollectorSettings(modbusTimeout, reconnectMin, reconnectMax, unitProbeMax, dir, environment);
    }

    /** The same settings reading {@code passwordEnv} variables through {@code lookup}. */
    public CollectorSettings withEnvironment(UnaryOperator<String> lookup) {
        return new CollectorSettings(modbusTimeout, reconnectMin, reconnectMax, unitProbeMax, pkiDir, lookup);
    }

    Backoff newBackoff() {
        return new Backoff(reconnectMin, reconnectMax);
    }
}
