package io.kelvin.collectors;

/** How a device's link stands. */
public enum DeviceState {
    /** Connected and every read of the last round succeeded. */
    UP,
    /** Connected, but at least one read (request, node) failed in its last attempt. */
    DEGRADED,
    /** Not connected: never reached yet, refused, timed out, or the session was lost. */
    DOWN
}
