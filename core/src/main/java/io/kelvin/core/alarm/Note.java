package io.kelvin.core.alarm;

import java.time.Instant;
import java.util.Objects;

/**
 * Who did something to an alarm, when (Kelvin's clock) and what they wrote. {@code origin} tells an
 * operator acting through Kelvin from a change that came from the device itself (another HMI, the
 * device's own logic); for the latter {@code by} is the device's ClientUserId where it gives one, else
 * the device id.
 */
public record Note(String by, Instant at, String comment, Origin origin) {

    /** Where a change was made. */
    public enum Origin { KELVIN, DEVICE }

    public Note {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(origin, "origin");
    }
}
