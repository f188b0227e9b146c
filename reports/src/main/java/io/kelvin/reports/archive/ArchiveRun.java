package io.kelvin.reports.archive;

import java.time.YearMonth;

/** The outcome of one archive run: the month it was for, what happened, and why (for the log). */
public record ArchiveRun(YearMonth month, ArchiveStatus status, String detail) {
}
