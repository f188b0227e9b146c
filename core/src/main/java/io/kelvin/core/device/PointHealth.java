package io.kelvin.core.device;

import io.kelvin.core.telemetry.Quality;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The newest quality of one point and why it is not GOOD, in the device's words where the device gave
 * a reason ({@code BadSensorFailure}, {@code ILLEGAL DATA ADDRESS}, the socket error) or in Kelvin's
 * (a value outside the sane range). {@code since} is when the point got this quality (collector
 * clock), {@code lastGood} when it last had a GOOD value.
 */
public record PointHealth(String point, Quality quality, Optional<String> reason, Instant since,
                          Optional<Instant> lastGood) {

    public PointHealth {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(lastGood, "lastGood");
    }
}
