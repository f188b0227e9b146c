package io.kelvin.simulator;

import io.kelvin.core.telemetry.PointId;

/**
 * Where the protocol servers hand setpoint writes that arrive on the wire. The twin checks the
 * profile's setpoint limits and applies the value to the physics.
 */
@FunctionalInterface
public interface SetpointSink {

    /**
     * @throws io.kelvin.core.control.SetpointRejectedException when the point is not writable or the
     *         value is outside its setpoint limits; nothing changes then
     */
    void write(PointId point, double value);
}
