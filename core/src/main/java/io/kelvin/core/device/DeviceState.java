package io.kelvin.core.device;

/** How a device's link stands, debounced by the collector (see its README). */
public enum DeviceState {
    /** Every read of the last round was answered. */
    UP,
    /** Reachable, but at least one read (request, node) failed or was refused in its last attempt. */
    DEGRADED,
    /**
     * Not reachable: never reached yet, the OPC UA session lost, or several reads in a row without an
     * answer (refused connections, timeouts, bad frames).
     */
    DOWN
}
