package io.kelvin.core.site;

import io.kelvin.core.telemetry.PointId;
import java.util.Optional;

/** A metering role bound to a point of a device. {@code category} is set only for IT_LOAD meters. */
public record Meter(String id, MeterRole role, Optional<PueCategory> category, PointId point) {
}
