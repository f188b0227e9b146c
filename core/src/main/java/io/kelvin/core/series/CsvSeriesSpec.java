package io.kelvin.core.series;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How to read one series from a CSV file: which columns hold the time and the value (a header name, or a
 * 1-based column number), how the time is written and in which zone local times are, the value's unit
 * (and a price's currency), the interval each row covers ({@code resolution}; when empty, the smallest
 * spacing between consecutive rows), whether a stamp labels the start or the end of its interval or the
 * cell holds the interval itself, the delimiter, which rows to take from a file holding several series, and
 * the decimal separator ({@code .} or {@code ,}). A blank value, {@code NA}, {@code NaN}, {@code null},
 * {@code -} or {@code n/e} (ENTSO-E's "not expected") is a gap, never a zero.
 */
public record CsvSeriesSpec(String name, String timeColumn, String valueColumn, TimeFormat timeFormat,
                            ZoneId zone, SeriesUnit unit, Optional<Currency> currency,
                            Optional<Duration> resolution, Label label, char delimiter, Optional<Only> only,
                            char decimal) {

    /**
     * Only the rows whose {@code column} holds one of {@code values} (exactly, after trimming): for files in long
     * form, which hold several series (zones, areas, price components) one below the other.
     */
    public record Only(String column, Set<String> values) {

        public Only {
            Objects.requireNonNull(column, "column");
            values = Set.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("only: no values");
            }
        }
    }

    /**
     * What a row's time cell marks: the start of the interval it covers (the usual case), its end, or the
     * interval itself, written {@code start - end} (the ENTSO-E Transparency Platform's {@code MTU} column,
     * {@code 01.01.2023 00:00 - 01.01.2023 01:00}), each stamp in the time format, a trailing zone
     * abbreviation such as {@code (CET)} allowed. With {@code INTERVAL} each row is as long as its cell says,
     * so a file whose resolution changes (hourly, then quarter-hourly) reads as written.
     */
    public enum Label { START, END, INTERVAL }

    public CsvSeriesSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timeColumn, "timeColumn");
        Objects.requireNonNull(valueColumn, "valueColumn");
        Objects.requireNonNull(timeFormat, "timeFormat");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(only, "only");
        if (decimal != '.' && decimal != ',') {
            throw new IllegalArgumentException("decimal must be '.' or ',', was '" + decimal + "'");
        }
        resolution.ifPresent(r -> {
            if (r.isNegative() || r.isZero()) {
                throw new IllegalArgumentException("resolution must be positive, was " + r);
            }
        });
    }

    /** A delimiter as files name it, one character or {@code tab}; empty when the name is neither. */
    public static Optional<Character> delimiterNamed(String name) {
        return name.equals("tab") ? Optional.of('\t') : name.length() == 1 ? Optional.of(name.charAt(0)) : Optional.empty();
    }

    /** A decimal separator as files name it, {@code .} or {@code ,}; empty when the name is neither. */
    public static Optional<Character> decimalNamed(String name) {
        return name.equals(".") || name.equals(",") ? Optional.of(name.charAt(0)) : Optional.empty();
    }

    /** ISO time stamps in UTC labelling interval starts, resolution from the data, comma-separated. */
    public static CsvSeriesSpec of(String name, String timeColumn, String valueColumn, SeriesUnit unit) {
        return new CsvSeriesSpec(name, timeColumn, valueColumn, new TimeFormat.Iso(), ZoneId.of("UTC"), unit,
                Optional.empty(), Optional.empty(), Label.START, ',', Optional.empty(), '.');
    }

    public CsvSeriesSpec withTimeFormat(TimeFormat format, ZoneId zone) {
        return new CsvSeriesSpec(name, timeColumn, valueColumn, format, zone, unit, currency, resolution, label,
                delimiter, only, decimal);
    }

    public CsvSeriesSpec withResolution(Duration resolution) {
        return new CsvSeriesSpec(name, timeColumn, valueColumn, timeFormat, zone, unit, currency,
                Optional.of(resolution), label, delimiter, only, decimal);
    }

    public CsvSeriesSpec withLabel(Label label) {
        return new CsvSeriesSpec(name, timeColumn, valueColumn, timeFormat, zone, unit, currency, resolution, label,
                delimiter, only, decimal);
    }

    public CsvSeriesSpec withCurrency(Currency currency) {
        return new CsvSeriesSpec(name, timeColumn, valueColumn, timeFormat, zone, unit, Optional.of(currency),
                resolution, label, delimiter, only, decimal);
    }

    public CsvSeriesSpec withOnly(Only only) {
        return new CsvSeriesSpec(name, timeColumn, valueColumn, timeFormat, zone, unit, currency, resolution, label,
                delimiter, Optional.of(only), decimal);
    }

    /**
     * Numbers written with {@code decimal} as separator: {@code .}, or {@code ,} as German and other European exports
     * write them (SMARD's {@code 1.234,56}), a point in such a number grouping thousands.
     */
    public CsvSeriesSpec withDecimal(char decimal) {
        return new CsvSeriesSpec(name, timeColumn, valueColumn, timeFormat, zone, unit, currency, resolution, label,
                delimiter, only, decimal);
    }

    public CsvSeriesSpec withDelimiter(char delimiter) {
        return new CsvSeriesSpec(name, timeColumn, valueColumn, timeFormat, zone, unit, currency, resolution, label,
                delimiter, only, decimal);
    }
}
