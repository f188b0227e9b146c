package io.kelvin.core.site;

/** A closed interval [min, max] in the point's engineering unit. */
public record ValueRange(double min, double max) {

    public boolean contains(double value) {
        return value >= min && value <= max;
    }

    public double clamp(double value) {
        return Math.max(min, Math.min(max, value));
    }
}
