package io.kelvin.core.site.load;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Dates and moments in site files, each bad one reported with its file and field path. */
final class TimeFields {

    private TimeFields() {
    }

    /** A calendar date written as {@code 2025-01-31}. */
    static Optional<LocalDate> optDate(Node node, String field) {
        return node.optText(field).flatMap(text -> {
            try {
                return Optional.of(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                node.problem(field, "must be a date like 2025-01-31, was '" + text + "'");
                return Optional.empty();
            }
        });
    }

    static Optional<LocalDate> date(Node node, String field) {
        if (!node.has(field)) {
            node.problem(field, "is required");
        }
        return optDate(node, field);
    }

    /**
     * A moment written as {@code 2025-03-01T10:00:00+08:00}, or without offset as a local time in
     * {@code zone} ({@code 2025-03-01T10:00}).
     */
    static Optional<Instant> instant(Node node, String field, ZoneId zone) {
        if (!node.has(field)) {
            node.problem(field, "is required");
        }
        return node.optText(field).flatMap(text -> {
            try {
                return Optional.of(OffsetDateTime.parse(text).toInstant());
            } catch (DateTimeParseException e) {
                try {
                    return Optional.of(LocalDateTime.parse(text).atZone(zone).toInstant());
                } catch (DateTimeParseException again) {
                    node.problem(field, "must be a time like 2025-03-01T10:00:00+08:00 (or local 2025-03-01T10:00), was '"
                            + text + "'");
                    return Optional.empty();
                }
            }
        });
    }
}
