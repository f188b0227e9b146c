package io.kelvin.core.plan;

import java.time.Instant;
import java.util.OptionalDouble;

/**
 * The site's grid import as its meters measured it: the mean kW (import positive) over {@code [from, to)},
 * empty when the meters have no data there. The planner compares it with what the dispatched plan predicted,
 * so a DR cap is planned for the meter, not for the planner's model of the site.
 */
@FunctionalInterface
public interface MeteredImport {

    OptionalDouble meanKw(Instant from, Instant to);

    /** No meter data, ever: plans rest on the planner's model alone. */
    static MeteredImport none() {
        return (from, to) -> OptionalDouble.empty();
    }
}
