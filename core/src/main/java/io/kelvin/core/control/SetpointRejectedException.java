package io.kelvin.core.control;

/** A setpoint write was refused before reaching the device: unknown point, not writable, or out of limits. */
public class SetpointRejectedException extends RuntimeException {

    public SetpointRejectedException(String message) {
        super(message);
    }
}
