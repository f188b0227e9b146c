package io.kelvin.core.site;

import java.util.Optional;

/**
 * One point of a device model, as its profile describes it. Exactly one of {@code register}
 * (Modbus) or {@code nodeId} (OPC UA, relative to the profile's namespace URI, e.g.
 * {@code s=Loop.SupplyTemperature}) is present. {@code range} is the sane range: values outside it
 * are marked OUT_OF_RANGE. {@code setpoint} is present only for writable points and gives the
 * limits a write must respect. {@code pollClass} names how often the point is read.
 * {@code monitoring} is how an OPC UA server samples and reports it (Modbus points ignore it).
 */
public record PointDef(String name, String unit, String description, Optional<Register> register,
                       Optional<String> nodeId, ValueRange range, Optional<ValueRange> setpoint,
                       PollClass pollClass, Monitoring monitoring) {

    /** A point with the default monitoring of its poll class. */
    public PointDef(String name, String unit, String description, Optional<Register> register,
                    Optional<String> nodeId, ValueRange range, Optional<ValueRange> setpoint, PollClass pollClass) {
        this(name, unit, description, register, nodeId, range, setpoint, pollClass, Monitoring.of(pollClass));
    }

    public boolean isWritable() {
        return setpoint.isPresent();
    }
}
