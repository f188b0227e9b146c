package io.kelvin.greenpower.dr.oadr;

import java.util.List;
import java.util.Optional;

/**
 * OpenADR 3.1 {@code valuesMap}: a payload or attribute type and its values. Each value is a
 * {@link Double} (JSON number with a fraction), {@link Long} (JSON integer), {@link String},
 * {@link Boolean} or {@link Point}, as read.
 */
public record ValuesMap(String type, List<Object> values) {

    public ValuesMap {
        values = List.copyOf(values);
    }

    public static ValuesMap of(String type, Object... values) {
        return new ValuesMap(type, List.of(values));
    }

    /** The first value as a number, when it is one. */
    public Optional<Double> number(int index) {
        return index < values.size() && values.get(index) instanceof Number n ? Optional.of(n.doubleValue()) : Optional.empty();
    }

    /** A point on a 2-D curve (OpenADR {@code point}). */
    public record Point(double x, double y) {
    }
}
