package io.kelvin.core.series;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * How a time stamp is written in a file. Local date-times are read in the series' zone; at the autumn
 * daylight-saving change, where a local time occurs twice, the reader picks the later offset for the
 * second occurrence (see {@link CsvSeriesReader}).
 */
public sealed interface TimeFormat {

    /** ISO-8601: an instant ({@code 2023-06-08T00:00:00Z}), an offset date-time, or a local date-time. */
    record Iso() implements TimeFormat {
    }

    /** Seconds since 1970-01-01T00:00Z. */
    record EpochSeconds() implements TimeFormat {
    }

    /** Milliseconds since 1970-01-01T00:00Z. */
    record EpochMillis() implements TimeFormat {
    }

    /** Seconds since {@code origin} (shape files that count from their first row). */
    record OffsetSeconds(Instant origin) implements TimeFormat {
    }

    /** A {@link DateTimeFormatter} pattern, e.g. {@code yyyy-MM-dd HH:mm:ss} or {@code dd/MM/yyyy HH:mm}. */
    record Pattern(String pattern, DateTimeFormatter formatter) implements TimeFormat {

        public static Pattern of(String pattern) {
            return new Pattern(pattern, DateTimeFormatter.ofPattern(pattern, Locale.ROOT));
        }
    }

    /** The name in a scenario or site file: iso, epoch-seconds, epoch-millis, offset-seconds, or a pattern. */
    static TimeFormat parse(String text, Instant origin) {
        return switch (text.trim()) {
            case "iso" -> new Iso();
            case "epoch-seconds" -> new EpochSeconds();
            case "epoch-millis" -> new EpochMillis();
            case "offset-seconds" -> new OffsetSeconds(origin == null ? Instant.EPOCH : origin);
            default -> Pattern.of(text.trim());
        };
    }

    /**
     * Reads one stamp: an {@link Instant} when the text fixes one, else a {@link LocalDateTime} for the
     * caller to place in its zone. Throws {@link DateTimeParseException} or {@link NumberFormatException}.
     */
    default Object read(String text) {
        String t = text.trim();
        return switch (this) {
            case Iso iso -> readIso(t);
            case EpochSeconds e -> Instant.ofEpochMilli(Math.round(Double.parseDouble(t) * 1000));
            case EpochMillis e -> Instant.ofEpochMilli(Long.parseLong(t));
            case OffsetSeconds o -> o.origin().plusMillis(Math.round(Double.parseDouble(t) * 1000));
            case Pattern p -> fromAccessor(p.formatter().parse(t));
        };
    }

    private static Object readIso(String t) {
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException notInstant) {
            try {
                return OffsetDateTime.parse(t).toInstant();
            } catch (DateTimeParseException notOffset) {
                return LocalDateTime.parse(t.replace(' ', 'T'));
            }
        }
    }

    private static Object fromAccessor(TemporalAccessor parsed) {
        try {
            return ZonedDateTime.from(parsed).toInstant();
        } catch (java.time.DateTimeException noZone) {
            return LocalDateTime.from(parsed);
        }
    }

    /** Places a local date-time in {@code zone}; {@code laterOffset} picks the second of two at a DST overlap. */
    static Instant place(LocalDateTime local, ZoneId zone, boolean laterOffset) {
        ZonedDateTime z = ZonedDateTime.ofLocal(local, zone, null);
        return (laterOffset ? z.withLaterOffsetAtOverlap() : z.withEarlierOffsetAtOverlap()).toInstant();
    }
}
