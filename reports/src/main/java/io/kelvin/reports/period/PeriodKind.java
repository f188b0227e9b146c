package io.kelvin.reports.period;

/** What a report period is, in the site's calendar. */
public enum PeriodKind {
    MONTH,
    QUARTER,
    YEAR,
    /** Any other span: from one local time to another. */
    CUSTOM
}
