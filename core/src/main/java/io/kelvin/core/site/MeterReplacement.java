package io.kelvin.core.site;

import java.time.Instant;
import java.util.Optional;

/**
 * A meter swapped for a new one at {@code at}: the old meter's final reading and the new meter's
 * first reading, in the counter's unit. Consumption across the swap is
 * {@code (oldFinal - last reading before) + (first reading after - newFirst)}; the energy during the
 * swap itself is not metered. {@code reverse} holds the same pair for the counter's reverse register,
 * present exactly when the counter has one.
 */
public record MeterReplacement(Instant at, Readings readings, Optional<Readings> reverse) {

    /** The old register's last value and the new register's first value. */
    public record Readings(double oldFinal, double newFirst) {
    }
}
