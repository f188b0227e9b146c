package io.kelvin.core.series;

import java.util.Arrays;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A unit a series may be written in, with its conversion to the canonical unit of its {@link Measure}:
 * {@code canonical = value x factor + offset}. Names are what files and feeds write ({@code g/kWh},
 * {@code lb/MWh}, {@code EUR/MWh} is {@code /MWh} with a currency).
 *
 * <p>1 lb = 0.45359237 kg exactly (US-UK international pound, 1959), so 1 lb/MWh = 0.45359237 g/kWh.
 */
public enum SeriesUnit {
    G_PER_KWH(Measure.CARBON_INTENSITY, 1, 0, "g/kWh", "gCO2/kWh", "gCO2eq/kWh", "kg/MWh", "kgCO2/MWh"),
    T_PER_MWH(Measure.CARBON_INTENSITY, 1000, 0, "t/MWh", "tCO2/MWh"),
    LB_PER_MWH(Measure.CARBON_INTENSITY, 0.45359237, 0, "lb/MWh", "lbs/MWh", "lbCO2/MWh"),
    PER_KWH(Measure.PRICE, 1, 0, "/kWh"),
    PER_MWH(Measure.PRICE, 0.001, 0, "/MWh"),
    /** Hundredths of the currency per kWh (US and German tariffs); the currency is named apart ({@code currency: EUR}). */
    CENTS_PER_KWH(Measure.PRICE, 0.01, 0, "ct/kWh", "c/kWh", "cents/kWh", "\u00A2/kWh"),
    KW(Measure.POWER, 1, 0, "kW"),
    MW(Measure.POWER, 1000, 0, "MW"),
    W(Measure.POWER, 0.001, 0, "W"),
    CELSIUS(Measure.TEMPERATURE, 1, 0, "C", "degC", "°C"),
    KELVIN(Measure.TEMPERATURE, 1, -273.15, "K"),
    FAHRENHEIT(Measure.TEMPERATURE, 5.0 / 9.0, -32 * 5.0 / 9.0, "F", "degF", "°F"),
    METRES_PER_SECOND(Measure.SPEED, 1, 0, "m/s"),
    FRACTION(Measure.FRACTION, 1, 0, "fraction", "1"),
    PERCENT(Measure.FRACTION, 0.01, 0, "%", "percent");

    private final Measure measure;
    private final double factor;
    private final double offset;
    private final String[] names;

    SeriesUnit(Measure measure, double factor, double offset, String... names) {
        this.measure = measure;
        this.factor = factor;
        this.offset = offset;
        this.names = names;
    }

    public Measure measure() {
        return measure;
    }

    /** The value in the canonical unit of this unit's measure. */
    public double toCanonical(double value) {
        return value * factor + offset;
    }

    /** The name files use for this unit (the first of its accepted names). */
    public String label() {
        return names[0];
    }

    /**
     * The unit a name stands for, case-insensitively; for a price, the currency before the slash is not
     * part of the unit ({@code EUR/MWh} is {@link #PER_MWH}); {@link #currency} reads it.
     */
    public static Optional<SeriesUnit> parse(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        boolean currencyFirst = slash == 3 && t.substring(0, 3).chars().allMatch(Character::isLetter)
                || slash == 1 && currency(t).isPresent();
        String priceTail = currencyFirst ? t.substring(slash) : null;
        for (SeriesUnit u : values()) {
            for (String n : u.names) {
                if (n.equalsIgnoreCase(t) || (u.measure == Measure.PRICE && n.equalsIgnoreCase(priceTail))) {
                    return Optional.of(u);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The currency a price unit names before its slash ({@code EUR/MWh}: EUR; {@code €/MWh}: EUR, {@code £/MWh}: GBP,
     * the two symbols that name one currency), if it names a known one.
     */
    public static Optional<Currency> currency(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        if (slash == 1 && (t.charAt(0) == '\u20AC' || t.charAt(0) == '\u00A3')) {
            return Optional.of(Currency.getInstance(t.charAt(0) == '\u20AC' ? "EUR" : "GBP"));
        }
        if (slash != 3 || !t.substring(0, 3).chars().allMatch(Character::isLetter)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Currency.getInstance(t.substring(0, 3).toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Every accepted name, for error messages (a price unit is written with its currency: EUR/MWh). */
    public static String accepted() {
        return Arrays.stream(values()).map(u -> String.join("|", u.names)).collect(Collectors.joining(", "));
    }
}
