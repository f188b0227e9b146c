package io.kelvin.reports.archive;

/** What one run of the monthly archive did for the month it looked at. */
public enum ArchiveStatus {
    /** The month's reports were written now. */
    WRITTEN,
    /** The month's folder was there already; nothing was rewritten. */
    ALREADY_PRESENT,
    /** The store holds no GOOD data for the month; nothing was written (a later run tries again). */
    NO_DATA
}
