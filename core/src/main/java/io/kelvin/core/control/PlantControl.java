package io.kelvin.core.control;

import io.kelvin.core.telemetry.PointId;

/**
 * Port for writing setpoints to the plant. An implementation checks the value against the point's
 * setpoint limits from its device profile before anything goes on the wire, writes it, and reads it
 * back.
 */
public interface PlantControl {

    /**
     * Writes {@code value} (engineering unit) to a writable point and returns the value read back.
     *
     * @throws SetpointRejectedException when the point is not writable or the value is outside its limits;
     *         nothing is written then
     * @throws WriteFailedException when the device did not take the write or read back another value
     */
    double write(PointId point, double value);
}
