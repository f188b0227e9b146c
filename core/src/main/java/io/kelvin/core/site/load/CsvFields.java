package io.kelvin.core.site.load;

import io.kelvin.core.series.CsvSeriesSpec;
import io.kelvin.core.series.TimeFormat;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** The fields of a CSV column mapping that are not columns: zone, time format, delimiter and decimal separator. */
final class CsvFields {

    private CsvFields() {
    }

    static Optional<ZoneId> zone(Node c) {
        String text = c.optText("zone").orElse("UTC");
        try {
            return Optional.of(ZoneId.of(text));
        } catch (DateTimeException e) {
            c.problem("zone", "unknown time zone '" + text + "' (use an IANA name like Europe/Berlin, or UTC)");
            return Optional.empty();
        }
    }

    /** iso (default), epoch-seconds, epoch-millis, offset-seconds[:ORIGIN] or a DateTimeFormatter pattern. */
    static Optional<TimeFormat> timeFormat(Node c) {
        String text = c.optText("timeFormat").orElse("iso");
        try {
            if (text.startsWith("offset-seconds:")) {
                return Optional.of(new TimeFormat.OffsetSeconds(Instant.parse(text.substring("offset-seconds:".length()))));
            }
            return Optional.of(TimeFormat.parse(text, Instant.EPOCH));
        } catch (IllegalArgumentException | DateTimeException e) {
            c.problem("timeFormat", "'" + text + "' is not iso, epoch-seconds, epoch-millis, offset-seconds:ORIGIN"
                    + " or a date-time pattern: " + e.getMessage());
            return Optional.empty();
        }
    }

    static char delimiter(Node c) {
        return named(c, "delimiter", ',', CsvSeriesSpec::delimiterNamed, "one character or tab");
    }

    static char decimal(Node c) {
        return named(c, "decimal", '.', CsvSeriesSpec::decimalNamed, "'.' or ','");
    }

    /** The character {@code key} names by {@code rule} ({@code fallback} when absent); a problem when it names none. */
    private static char named(Node c, String key, char fallback,
                              java.util.function.Function<String, Optional<Character>> rule, String allowed) {
        String text = c.optText(key).orElse(String.valueOf(fallback));
        Optional<Character> named = rule.apply(text);
        if (named.isEmpty()) {
            c.problem(key, "must be " + allowed + ", was '" + text + "'");
        }
        return named.orElse(fallback);
    }
}
