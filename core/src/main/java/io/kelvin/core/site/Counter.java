package io.kelvin.core.site;

import io.kelvin.core.telemetry.PointId;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A meter's cumulative register (kWh, m3, ...), read by the reports engine in preference to
 * integrating the meter's power or flow point. {@code rollover} is the value at which the register
 * wraps to 0 (e.g. 4294967296 for a uint32 kWh register); without it a fall in the reading is a
 * fault, not a wrap. {@code reversePoint} is a second register of the same unit counting the
 * opposite direction (export on a grid import meter); its difference is subtracted, so the counter
 * gives the same net energy as the signed power point.
 */
public record Counter(PointId point, CounterUnit unit, OptionalDouble rollover, Optional<PointId> reversePoint) {
}
