package io.kelvin.web.reporting;

import io.kelvin.core.site.MeterRole;
import io.kelvin.reports.export.Cell;
import io.kelvin.reports.kpi.Completeness;
import io.kelvin.reports.kpi.Figure;
import io.kelvin.reports.kpi.Kpi;
import io.kelvin.reports.kpi.MeterCoverage;
import io.kelvin.reports.report.MeterLine;
import io.kelvin.reports.report.Report;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The figures of a report as the REST API and the reports view show them: each KPI with its value
 * rounded to the decimals the exports print ({@link Cell}), its status and the GOOD coverage of every
 * meter behind it, and each meter's amount and coverage. Coverage is a share 0..1 (4 decimals).
 */
public record KpiSummary(String site, Period period, BigDecimal completenessThreshold, String dataSource,
                         String pueDesignation, String gb40879Grade, List<FigureRow> figures, List<MeterRow> meters) {

    /** Whether a figure can be relied on: complete, computed from a meter covered less than the threshold, or not computable. */
    public enum Status {
        COMPLETE,
        BELOW_THRESHOLD,
        UNAVAILABLE
    }

    public record Period(String label, String kind, OffsetDateTime from, OffsetDateTime to, String zone, boolean interim) {
    }

    /** {@code value} is null and {@code reason} says why when the figure is unavailable. */
    public record FigureRow(String kpi, String symbol, String title, String unit, BigDecimal value, Status status,
                            String reason, BigDecimal worstCoverage, List<Coverage> meters) {
    }

    public record Coverage(String meter, String method, BigDecimal coverage) {
    }

    public record MeterRow(String meter, String role, String method, String source, BigDecimal amount, String unit,
                           BigDecimal coverage, String note) {
    }

    public static KpiSummary of(Report report) {
        var period = report.period();
        return new KpiSummary(report.site().info().id(),
                new Period(period.label(), period.kind().name(), period.from().toOffsetDateTime(),
                        period.to().toOffsetDateTime(), period.zone().getId(), period.isInterim()),
                share(report.settings().completenessThreshold()), report.dataSource(), report.designation().label(),
                report.gbGrade().map(g -> g.label()).orElse(null),
                java.util.Arrays.stream(Kpi.values()).map(k -> figure(report.figure(k))).toList(),
                report.meters().stream().map(KpiSummary::meter).toList());
    }

    private static FigureRow figure(Figure figure) {
        Kpi kpi = figure.kpi();
        List<Coverage> meters = figure.coverage().stream().map(KpiSummary::coverage).toList();
        BigDecimal worst = figure.coverage().isEmpty() ? null : share(figure.worstCoverage());
        return switch (figure) {
            case Figure.Value v -> new FigureRow(kpi.name(), kpi.symbol(), kpi.title(), kpi.unit(), number(v.value(), kpi.decimals()),
                    v.completeness() == Completeness.COMPLETE ? Status.COMPLETE : Status.BELOW_THRESHOLD, null, worst, meters);
            case Figure.Unavailable u -> new FigureRow(kpi.name(), kpi.symbol(), kpi.title(), kpi.unit(), null,
                    Status.UNAVAILABLE, u.reason(), worst, meters);
        };
    }

    private static Coverage coverage(MeterCoverage c) {
        return new Coverage(c.meterId(), c.method().name(), share(c.share()));
    }

    private static MeterRow meter(MeterLine line) {
        return new MeterRow(line.meter().id(), line.meter().role().name(), line.method().name(), line.source(),
                number(line.measured().amount(), 1), line.meter().role() == MeterRole.WATER ? "L" : "kWh",
                share(line.measured().coverage()), line.fallbackReason().orElse(null));
    }

    private static BigDecimal share(double share) {
        return number(share, 4);
    }

    private static BigDecimal number(double value, int decimals) {
        return ((Cell.Number) Cell.number(value, decimals)).value();
    }
}
