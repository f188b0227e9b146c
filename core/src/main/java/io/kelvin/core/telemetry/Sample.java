package io.kelvin.core.telemetry;

import java.time.Instant;
import java.util.Objects;

/**
 * One reading of one point. The value is in the point's engineering unit (see the device profile).
 * {@code sourceTime} is the device's timestamp where it gives one, else the poll time;
 * {@code collectedAt} is when Kelvin received it. A sample that is not {@link Quality#GOOD} still
 * carries the last value the device gave, or {@code NaN} when there is none.
 */
public record Sample(PointId point, double value, Quality quality, Instant sourceTime, Instant collectedAt) {

    public Sample {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(sourceTime, "sourceTime");
        Objects.requireNonNull(collectedAt, "collectedAt");
    }

    public static Sample good(PointId point, double value, Instant time) {
        return new Sample(point, value, Quality.GOOD, time, time);
    }

    public Sample withQuality(Quality newQuality) {
        return new Sample(point, value, newQuality, sourceTime, collectedAt);
    }
}
