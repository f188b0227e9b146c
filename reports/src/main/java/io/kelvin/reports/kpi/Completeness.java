package io.kelvin.reports.kpi;

/** Whether every meter behind a figure has GOOD data for at least the report's threshold share of the period. */
public enum Completeness {
    COMPLETE,
    /** At least one meter behind the figure is covered less than the threshold: the figure is a lower bound or skewed. */
    BELOW_THRESHOLD
}
