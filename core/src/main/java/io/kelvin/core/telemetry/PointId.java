package io.kelvin.core.telemetry;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identifies one measured or derived point as {@code device.point}, e.g. {@code cdu-01.supply_temp_c}.
 * Device ids and point names are lower-case letters, digits, '-' and '_', so the pair is safe as a
 * file name, an InfluxDB tag and a JSON key.
 */
public record PointId(String device, String point) implements Comparable<PointId> {

    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    public PointId {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(point, "point");
        if (!ID.matcher(device).matches()) {
            throw new IllegalArgumentException("device id '" + device + "' must match " + ID.pattern());
        }
        if (!ID.matcher(point).matches()) {
            throw new IllegalArgumentException("point name '" + point + "' must match " + ID.pattern());
        }
    }

    public static PointId of(String device, String point) {
        return new PointId(device, point);
    }

    /** Parses {@code device.point}; the point name is everything after the first dot. */
    public static PointId parse(String text) {
        int dot = text.indexOf('.');
        if (dot <= 0 || dot == text.length() - 1) {
            throw new IllegalArgumentException("point '" + text + "' must be written device.point");
        }
        return new PointId(text.substring(0, dot), text.substring(dot + 1));
    }

    @Override
    public int compareTo(PointId other) {
        int byDevice = device.compareTo(other.device);
        return byDevice != 0 ? byDevice : point.compareTo(other.point);
    }

    @Override
    public String toString() {
        return device + "." + point;
    }
}
