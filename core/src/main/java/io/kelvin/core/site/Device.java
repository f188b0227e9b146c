package io.kelvin.core.site;

import java.util.Optional;

/**
 * One device of the site, bound to its profile. OPC UA devices have an {@code endpoint};
 * Modbus TCP devices have {@code host}, {@code port} and {@code unitId} (1..247).
 * {@code ratedKw} sizes the simulator's model of generators and loads where the profile leaves it open.
 * {@code opcua} holds the OPC UA acquisition mode and security (default for Modbus devices).
 */
public record Device(String id, DeviceProfile profile, Optional<String> endpoint, Optional<String> host,
                     int port, int unitId, Optional<Double> ratedKw, OpcUaSettings opcua) {

    /** A device with the default OPC UA settings: subscriptions, SecurityPolicy None, anonymous. */
    public Device(String id, DeviceProfile profile, Optional<String> endpoint, Optional<String> host,
                  int port, int unitId, Optional<Double> ratedKw) {
        this(id, profile, endpoint, host, port, unitId, ratedKw, OpcUaSettings.DEFAULT);
    }

    public Protocol protocol() {
        return profile.protocol();
    }

    public DeviceClass deviceClass() {
        return profile.deviceClass();
    }
}
