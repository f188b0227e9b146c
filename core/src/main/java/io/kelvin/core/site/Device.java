package io.kelvin.core.site;

import java.util.Optional;

/**
 * One device of the site, bound to its profile. OPC UA devices have an {@code endpoint};
 * Modbus TCP devices have {@code host}, {@code port} and {@code unitId} (1..247).
 * {@code ratedKw} sizes the simulator's model of generators and loads where the profile leaves it open.
 */
public record Device(String id, DeviceProfile profile, Optional<String> endpoint, Optional<String> host,
                     int port, int unitId, Optional<Double> ratedKw) {

    public Protocol protocol() {
        return profile.protocol();
    }

    public DeviceClass deviceClass() {
        return profile.deviceClass();
    }
}
