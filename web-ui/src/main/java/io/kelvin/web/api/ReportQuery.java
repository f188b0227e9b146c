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
 * {@link #MAX_DAYS} days; {@code completeness} (a share 0..1, default 0.95); {@code format}.
 */
public final class ReportQuery {

    /** The longest period one request may ask for: a leap year and a few days. */
    public static final long MAX_DAYS = 370;

    private ReportQuery() {
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

    public static ReportSettings settings(String completeness) {
        if (!present(completeness)) {
            return ReportSettings.DEFAULTS;
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
