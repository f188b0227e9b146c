package io.kelvin.core.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * The site's wind output as its meters measured it: the lowest mean kW of any {@code step} inside
 * {@code [from, to)}, summed over the turbines; empty when the meters have no data there. While a DR cap is in
 * force the planner counts on no more wind than this (the turbines swing by megawatts within minutes).
 */
@FunctionalInterface
public interface MeteredWind {

    OptionalDouble lowestKw(Instant from, Instant to, Duration step);

    /** No wind meter data, ever: plans take the forecast's wind as it is. */
    static MeteredWind none() {
        return (from, to, step) -> OptionalDouble.empty();
    }
}
