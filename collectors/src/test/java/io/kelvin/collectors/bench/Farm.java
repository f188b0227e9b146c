package io.kelvin.collectors.bench;

import io.kelvin.core.site.Site;
import java.util.List;

/** The simulated devices of a bench run: the site that describes them, and the Modbus gateways' ports. */
interface Farm extends AutoCloseable {

    Site site();

    List<Integer> gatewayPorts();

    /** CPU time the simulated devices used so far, when they run in a process of their own; else empty. */
    default java.util.Optional<java.time.Duration> cpu() {
        return java.util.Optional.empty();
    }
}
