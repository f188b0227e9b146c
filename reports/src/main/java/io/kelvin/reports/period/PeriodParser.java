package io.kelvin.reports.period;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a period as people write it: {@code 2026-03} (a month), {@code 2026-Q1}, {@code 2026}, or
 * two ends, each a date ({@code 2026-03-05}, local midnight), a local time ({@code 2026-03-05T06:00})
 * or a time with offset ({@code 2026-03-05T06:00+08:00}). Local times are in the site's zone.
 * Bad text throws {@link IllegalArgumentException} naming what was wrong.
 */
public final class PeriodParser {

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-[Qq]([1-4])");

    private PeriodParser() {
    }

    /** A named period: a month, a quarter or a year. */
    public static ReportPeriod named(String text, ZoneId zone) {
        String t = text.trim();
        Matcher quarter = QUARTER.matcher(t);
        if (quarter.matches()) {
            return ReportPeriod.quarter(Integer.parseInt(quarter.group(1)), Integer.parseInt(quarter.group(2)), zone);
        }
        try {
            if (t.matches("\\d{4}-\\d{2}")) {
                return ReportPeriod.month(YearMonth.parse(t), zone);
            }
            if (t.matches("\\d{4}")) {
                return ReportPeriod.year(Year.parse(t).getValue(), zone);
            }
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("period '" + text + "': " + e.getMessage());
        }
        throw new IllegalArgumentException("period '" + text + "' must look like 2026-03, 2026-Q1 or 2026");
    }

    /** The period from {@code from} (inclusive) to {@code to} (exclusive). */
    public static ReportPeriod between(String from, String to, ZoneId zone) {
        return between("--from", from, "--to", to, zone);
    }

    /** As {@link #between(String, String, ZoneId)}, with the names the caller knows the two ends by in its messages. */
    public static ReportPeriod between(String fromName, String from, String toName, String to, ZoneId zone) {
        LocalDateTime start = local(fromName, from, zone);
        LocalDateTime end = local(toName, to, zone);
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException(toName + " " + to + " is not after " + fromName + " " + from
                    + ": a period runs from its start (inclusive) to its end (exclusive)");
        }
        return ReportPeriod.between(start, end, zone);
    }

    private static LocalDateTime local(String name, String text, ZoneId zone) {
        String t = text.trim();
        try {
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(t).atStartOfDay();
            }
            if (t.matches(".*([+-]\\d{2}:\\d{2}|Z)$")) {
                return OffsetDateTime.parse(t).atZoneSameInstant(zone).toLocalDateTime();
            }
            return LocalDateTime.parse(t);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(name + " '" + text + "' must be a date (2026-03-01), a local time "
                    + "(2026-03-01T06:00) or a time with offset (2026-03-01T06:00+08:00)");
        }
    }
}
