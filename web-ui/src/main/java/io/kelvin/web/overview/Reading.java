package io.kelvin.web.overview;

import io.kelvin.core.telemetry.Quality;
import io.kelvin.core.telemetry.Sample;
import java.util.Locale;
import java.util.Optional;

/**
 * One value as the dashboard shows it: the number formatted to a fixed number of decimals, its
 * unit, and its quality; {@code value} keeps the unrounded number ({@code NaN} when there is none).
 * A point with no sample yet reads as a dash with quality {@code null} ({@link #missing()}), so a
 * gap is shown as a gap and never as zero.
 */
public record Reading(String text, String unit, Quality quality, double value) {

    static final String NO_VALUE = "—";

    public static Reading of(Optional<Sample> sample, String unit, int decimals) {
        return sample.map(s -> new Reading(format(s.value(), decimals), unit, s.quality(), s.value()))
                .orElseGet(() -> new Reading(NO_VALUE, unit, null, Double.NaN));
    }

    /** The unit as people read it: {@code degC} as °C, dimensionless ({@code "1"}) as nothing. */
    public String displayUnit() {
        return switch (unit) {
            case "1" -> "";
            case "degC" -> "°C";
            case "l/min" -> "L/min";
            default -> unit;
        };
    }

    /** Value and unit in one string, e.g. {@code "32.4 °C"}; a gap is a bare dash. */
    public String withUnit() {
        String shown = displayUnit();
        return shown.isEmpty() || NO_VALUE.equals(text) ? text : text + " " + shown;
    }

    public boolean missing() {
        return quality == null;
    }

    /** True when the value should carry a visible caution: no data, or any quality but GOOD. */
    public boolean doubtful() {
        return quality == null || !quality.isGood();
    }

    /** A short label for the quality cue, empty when the value is good. */
    public String qualityLabel() {
        if (quality == null) {
            return "NO DATA";
        }
        return quality.isGood() ? "" : quality.name().replace('_', ' ');
    }

    private static String format(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return NO_VALUE;
        }
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }
}
