package io.kelvin.reports.report;

import io.kelvin.reports.kpi.Figure;
import io.kelvin.reports.kpi.Kpi;
import io.kelvin.reports.period.ReportPeriod;
import java.util.Map;

/** The figures of one day (or month, for long periods) of the report period. */
public record IntervalLine(ReportPeriod interval, Map<Kpi, Figure> figures) {

    public IntervalLine {
        figures = Map.copyOf(figures);
    }
}
