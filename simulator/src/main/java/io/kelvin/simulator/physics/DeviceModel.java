package io.kelvin.simulator.physics;

import java.util.Map;

/** The modelled state of one device, exposed by its profile's point names. */
interface DeviceModel {

    String deviceId();

    /** Puts the current value of every modelled point into {@code out}, keyed by point name. */
    void values(Map<String, Double> out);

    /**
     * Applies an accepted setpoint write (limits already checked against the profile).
     *
     * @return false when this model has no such setpoint, so the write has no physical effect
     */
    boolean applySetpoint(String point, double value);
}
