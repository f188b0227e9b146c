package io.kelvin.reports.report;

import io.kelvin.core.site.Site;
import io.kelvin.reports.kpi.Figure;
import io.kelvin.reports.kpi.Gb40879Grade;
import io.kelvin.reports.kpi.Kpi;
import io.kelvin.reports.period.ReportPeriod;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one report states, computed once and written by every export format, so CSV, XLSX and
 * PDF carry the same numbers. {@code dataSource} names the store the data came from; nothing in a
 * report depends on when it was made.
 */
public record Report(Site site, ReportPeriod period, ReportSettings settings, String dataSource,
                     Map<Kpi, Figure> figures, Designation designation, Optional<Gb40879Grade> gbGrade,
                     List<MeterLine> meters, List<IntervalLine> intervals, List<ContractLine> contracts,
                     List<Section> sections) {

    public Report {
        figures = Map.copyOf(figures);
        meters = List.copyOf(meters);
        intervals = List.copyOf(intervals);
        contracts = List.copyOf(contracts);
        sections = List.copyOf(sections);
    }

    public Figure figure(Kpi kpi) {
        return figures.get(kpi);
    }
}
