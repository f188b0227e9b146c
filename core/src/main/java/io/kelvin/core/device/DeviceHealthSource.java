package io.kelvin.core.device;

import java.util.List;
import java.util.Optional;

/**
 * Where the app reads the health of the site's devices (the collectors). Snapshots are taken when
 * asked; safe for many threads.
 */
public interface DeviceHealthSource {

    /** Every device of the site, in site order. */
    List<DeviceHealth> devices();

    Optional<DeviceHealth> device(String id);
}
