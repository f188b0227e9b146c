package io.kelvin.web.api;

import io.kelvin.reports.export.ReportFormat;
import io.kelvin.reports.period.PeriodParser;
import io.kelvin.reports.period.ReportPeriod;
import io.kelvin.reports.report.ReportSettings;
import java.time.Duration;
import java.time.ZoneId;

/**
 * The query parameters of the reports API read as text, so every bad one is a 400 naming it:
 * {@code period} ({@code 2026-03}, {@code 2026-Q1}, {@code 2026}) or {@code from} and {@code to}
 * (a date, a local time in the site's zone, or a time with offset; {@code to} exclusive), at most
 * {@link #MAX_DAYS} days; {@code completeness} (a share 0..1, default the site file's, 0.95 unless set); {@code format}.
 */
public final class ReportQuery {

    /** The longest period one request may ask for: a leap year and a few days. */
    public static final long MAX_DAYS = 370;

    private ReportQuery() {
    }

    private static final java.util.regex.Pattern ARCHIVE_MONTH = java.util.regex.Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
    private static final java.util.regex.Pattern ARCHIVE_FILE = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    /** The month of an archive path: {@code YYYY-MM}. */
    public static java.time.YearMonth archiveMonth(String month) {
        if (month == null || !ARCHIVE_MONTH.matcher(month).matches()) {
            throw new IllegalArgumentException("month: '" + clip(month) + "' is not a month (YYYY-MM)");
        }
        return java.time.YearMonth.parse(month);
    }

    /** A file name of an archived month: letters, digits, '.', '_', '-', not starting with '.' and without "..". */
    public static String archiveFile(String file) {
        if (file == null || !ARCHIVE_FILE.matcher(file).matches() || file.contains("..")) {
            throw new IllegalArgumentException("file: '" + clip(file) + "' is not a file name of the archive"
                    + " (letters, digits, '.', '_' and '-'; no path)");
        }
        return file;
    }

    private static String clip(String text) {
        return text == null ? "" : text.length() <= 100 ? text : text.substring(0, 100) + "...";
    }

    public static ReportPeriod period(String period, String from, String to, ZoneId zone) {
        boolean named = present(period);
        if (named && (present(from) || present(to))) {
            throw new IllegalArgumentException("period: give either period or from and to, not both");
        }
        ReportPeriod result;
        if (named) {
            result = PeriodParser.named(period, zone);
        } else if (present(from) && present(to)) {
            result = PeriodParser.between("from", from, "to", to, zone);
        } else if (present(from) || present(to)) {
            throw new IllegalArgumentException((present(from) ? "to" : "from") + ": required with "
                    + (present(from) ? "from" : "to") + " (to is exclusive)");
        } else {
            throw new IllegalArgumentException("period: required (2026-03, 2026-Q1 or 2026), or from and to");
        }
        if (result.length().compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
            throw new IllegalArgumentException("to: a period spans at most " + MAX_DAYS + " days, this one "
                    + result.length().toDays());
        }
        return result;
    }

    /** The {@code completeness} asked for, else {@code siteDefault} (the site file's threshold). */
    public static ReportSettings settings(String completeness, ReportSettings siteDefault) {
        if (!present(completeness)) {
            return siteDefault;
        }
        try {
            double share = Double.parseDouble(completeness.trim());
            if (share >= 0 && share <= 1) {
                return new ReportSettings(share);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException("completeness: must be a share 0..1 (0.95 = 95 %), was '" + shown(completeness) + "'");
    }

    public static ReportFormat format(String format) {
        if (!present(format)) {
            throw new IllegalArgumentException("format: required, one of csv, xlsx, pdf, eed");
        }
        return ReportFormat.named(format).orElseThrow(() -> new IllegalArgumentException(
                "format: must be one of csv, xlsx, pdf, eed, was '" + shown(format) + "'"));
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private static String shown(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
