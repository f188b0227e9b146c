package io.kelvin.core.site;

import java.time.Duration;
import java.util.Optional;

/**
 * One point of a device model, as its profile describes it. Exactly one of {@code register}
 * (Modbus) or {@code nodeId} (OPC UA, relative to the profile's namespace URI, e.g.
 * {@code s=Loop.SupplyTemperature}) is present, except for points a discovering profile declares
 * before discovery has placed them (neither). {@code range} is the sane range: values outside it
 * are marked OUT_OF_RANGE. {@code setpoint} is present only for writable points and gives the
 * limits a write must respect. {@code pollClass} names how often the point is read;
 * {@code pollInterval}, when present, overrides it for this point. {@code monitoring} is how an
 * OPC UA server samples and reports it (Modbus points ignore it).
 *
 * <p>Text points (a STRING register) carry device information, not telemetry: they never become
 * samples (which are numeric) and are not part of {@link Site#points()}.
 */
public record PointDef(String name, String unit, String description, Optional<Register> register,
                       Optional<String> nodeId, ValueRange range, Optional<ValueRange> setpoint,
                       PollClass pollClass, Optional<Duration> pollInterval, Monitoring monitoring) {

    /** A point with the default interval and monitoring of its poll class. */
    public PointDef(String name, String unit, String description, Optional<Register> register,
                    Optional<String> nodeId, ValueRange range, Optional<ValueRange> setpoint, PollClass pollClass) {
        this(name, unit, description, register, nodeId, range, setpoint, pollClass, Optional.empty(),
                Monitoring.of(pollClass));
    }

    /** A point with its own poll interval and the default monitoring of its poll class. */
    public PointDef(String name, String unit, String description, Optional<Register> register,
                    Optional<String> nodeId, ValueRange range, Optional<ValueRange> setpoint, PollClass pollClass,
                    Optional<Duration> pollInterval) {
        this(name, unit, description, register, nodeId, range, setpoint, pollClass, pollInterval,
                Monitoring.of(pollClass));
    }

    /** A point with its OPC UA monitoring and no poll interval of its own. */
    public PointDef(String name, String unit, String description, Optional<Register> register,
                    Optional<String> nodeId, ValueRange range, Optional<ValueRange> setpoint, PollClass pollClass,
                    Monitoring monitoring) {
        this(name, unit, description, register, nodeId, range, setpoint, pollClass, Optional.empty(), monitoring);
    }

    public boolean isWritable() {
        return setpoint.isPresent();
    }

    /** Whether the point is text (device information) rather than a number. */
    public boolean isText() {
        return register.map(Register::isText).orElse(false);
    }

    /** The same point placed at {@code newRegister}; used by discovery. */
    public PointDef at(Register newRegister) {
        return new PointDef(name, unit, description, Optional.of(newRegister), nodeId, range, setpoint, pollClass,
                pollInterval, monitoring);
    }
}
