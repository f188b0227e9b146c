package io.kelvin.core.site;

import io.kelvin.core.telemetry.PointId;
import java.util.List;
import java.util.Optional;

/**
 * A metering role bound to a point of a device. {@code point} is the meter's power (kW) or, for
 * WATER, flow (L/min); {@code category} is set only for IT_LOAD meters. {@code counter} is its
 * cumulative register when it has one, and {@code replacements} (oldest first, only with a counter)
 * record when the physical meter behind it was swapped.
 */
public record Meter(String id, MeterRole role, Optional<PueCategory> category, PointId point,
                    Optional<Counter> counter, List<MeterReplacement> replacements) {

    public Meter {
        replacements = List.copyOf(replacements);
    }

    /** A meter read from its power or flow point only. */
    public Meter(String id, MeterRole role, Optional<PueCategory> category, PointId point) {
        this(id, role, category, point, Optional.empty(), List.of());
    }
}
