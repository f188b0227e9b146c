package io.kelvin.reports.report;

/**
 * How a report is made. {@code completenessThreshold} (0..1) is the least share of the period a
 * meter's GOOD data must cover for the figures it feeds to count as complete.
 */
public record ReportSettings(double completenessThreshold) {

    /** 95 %: a day and a half missing in a month marks the figures it touches. */
    public static final ReportSettings DEFAULTS = new ReportSettings(io.kelvin.core.site.Reporting.DEFAULT_COMPLETENESS);

    /** The site file's threshold ({@code reporting.completenessThreshold}, 0.95 unless set). */
    public static ReportSettings of(io.kelvin.core.site.Site site) {
        return new ReportSettings(site.reporting().completenessThreshold());
    }

    public ReportSettings {
        if (!(completenessThreshold >= 0 && completenessThreshold <= 1)) {
            throw new IllegalArgumentException("completeness threshold must be 0..1, was " + completenessThreshold);
        }
    }
}
