package io.kelvin.reports.export;

import io.kelvin.core.site.CounterUnit;
import io.kelvin.core.site.Feed;
import io.kelvin.core.site.FeedKind;
import io.kelvin.core.site.GridConnection.CarbonMethod;
import io.kelvin.core.site.MeterRole;
import io.kelvin.reports.kpi.Completeness;
import io.kelvin.reports.kpi.Figure;
import io.kelvin.reports.kpi.Gb40879Grade;
import io.kelvin.reports.kpi.Kpi;
import io.kelvin.reports.metering.CounterEvent;
import io.kelvin.reports.report.MeterLine;
import io.kelvin.reports.report.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * The tables every format writes, in order: the report's identity, its figures, its meters, then
 * the detail tables ({@link DetailTables}). The identity table ends with a SHA-256 digest of the
 * data tables written as CSV, so a printed report can be matched to its data.
 */
public final class ReportTables {

    private ReportTables() {
    }

    public static List<Table> of(Report report) {
        List<Table> data = new ArrayList<>();
        data.add(figures(report));
        data.add(meters(report));
        data.addAll(DetailTables.of(report));
        List<Table> all = new ArrayList<>();
        all.add(identity(report, CsvReport.digest(data)));
        all.addAll(data);
        all.add(DetailTables.method(report));
        return List.copyOf(all);
    }

    private static Table identity(Report report, String digest) {
        List<List<Cell>> rows = new ArrayList<>();
        row(rows, "Site", report.site().info().id() + " (" + report.site().info().name() + ")");
        row(rows, "Period", report.period().label() + " (" + report.period().kind().name().toLowerCase(Locale.ROOT) + ")");
        row(rows, "From", Formats.local(report.period().from()) + " " + report.period().zone());
        row(rows, "To (exclusive)", Formats.local(report.period().to()) + " " + report.period().zone());
        row(rows, "PUE designation", report.designation().label());
        row(rows, "GB 40879-2021 grade", gbGrade(report));
        row(rows, "GB 40879-2021 thresholds", Gb40879Grade.SOURCE);
        rows.add(List.of(Cell.text("Completeness threshold (%)"), Formats.percent(report.settings().completenessThreshold())));
        row(rows, "Emission factors", report.site().grid().carbon().flatMap(c -> c.reference()).orElse("no reference given")
                + factors(report));
        row(rows, "Data source", report.dataSource());
        row(rows, "Data digest (SHA-256 of the data tables as CSV)", digest);
        return new Table("Report", List.of("Item", "Value"), rows);
    }

    /** The grade with what limits it: a period under 12 months, or a PUE below the completeness threshold. */
    private static String gbGrade(Report report) {
        if (report.gbGrade().isEmpty()) {
            return "not available: no PUE";
        }
        boolean incomplete = report.figure(Kpi.PUE) instanceof Figure.Value pue
                && pue.completeness() == Completeness.BELOW_THRESHOLD;
        return report.gbGrade().get().label()
                + (report.designation().interim() ? " (indicative: not a 12-month period)" : "")
                + (incomplete ? " (indicative: PUE below the completeness threshold)" : "");
    }

    /** Which factor each method used: the site's carbon feed where a file holds values, else the constant. */
    private static String factors(Report report) {
        return ": " + factor(report, CarbonMethod.LOCATION) + "; " + factor(report, CarbonMethod.MARKET);
    }

    private static String factor(Report report, CarbonMethod method) {
        OptionalDouble constant = report.site().grid().carbon()
                .map(c -> method == CarbonMethod.LOCATION ? c.locationKgPerKwh() : c.marketKgPerKwh())
                .orElse(OptionalDouble.empty());
        String fixed = constant.isPresent() ? constant.getAsDouble() + " kg CO2e/kWh" : "no constant";
        String name = method.name().toLowerCase(Locale.ROOT);
        return report.site().feed(FeedKind.CARBON, Optional.of(method)).map(feed -> feed.location()
                instanceof Feed.FileLocation ? name + " from feed " + feed.id() + " where its file holds values, else " + fixed
                : name + " " + fixed + " (feed " + feed.id() + " is fetched over HTTP, not used for reports)")
                .orElse(name + " " + fixed);
    }

    private static Table figures(Report report) {
        List<List<Cell>> rows = new ArrayList<>();
        for (Kpi kpi : Kpi.values()) {
            Figure figure = report.figure(kpi);
            String note = figure instanceof Figure.Unavailable u ? u.reason() : "";
            rows.add(List.of(Cell.text(kpi.symbol()), Cell.text(kpi.title()), Formats.value(figure), Cell.text(kpi.unit()),
                    Cell.text(Formats.status(figure)), Formats.coverage(figure), Cell.text(Formats.meters(figure)),
                    Cell.text(kpi.formula()), Cell.text(kpi.reference()), Cell.text(note)));
        }
        return new Table("Figures", List.of("Symbol", "Figure", "Value", "Unit", "Status", "Lowest meter coverage (%)",
                "Meters", "Formula", "Reference", "Note"), rows);
    }

    private static Table meters(Report report) {
        List<List<Cell>> rows = new ArrayList<>();
        for (MeterLine line : report.meters()) {
            boolean water = line.meter().role() == MeterRole.WATER;
            rows.add(List.of(Cell.text(line.meter().id()), Cell.text(line.meter().role().name().toLowerCase(Locale.ROOT)),
                    Cell.text(line.meter().category().map(Enum::name).orElse("")),
                    Cell.text(line.method().name().toLowerCase(Locale.ROOT)), Cell.text(line.source()),
                    Cell.number(line.measured().amount(), 1), Cell.text(water ? "L" : "kWh"),
                    Formats.percent(line.measured().coverage()), Formats.hours(line.measured().gaps()),
                    Cell.text(events(line, report)), Cell.text(line.fallbackReason().orElse(""))));
        }
        return new Table("Meters", List.of("Meter", "Role", "Category", "Method", "Source", "Amount", "Unit",
                "GOOD coverage (%)", "Gaps (h)", "Counter events", "Note"), rows);
    }

    private static String events(MeterLine line, Report report) {
        String unit = line.meter().counter().map(c -> c.unit() == CounterUnit.M3 ? "m3" : c.unit().name().toLowerCase(Locale.ROOT))
                .orElse("");
        return line.events().stream().map(e -> eventText(e, unit, report)).collect(Collectors.joining("; "));
    }

    private static String eventText(CounterEvent event, String unit, Report report) {
        String at = Formats.local(event.at().atZone(report.period().zone()));
        String before = Cell.number(event.before(), 3).shown();
        String after = Cell.number(event.after(), 3).shown();
        return switch (event.kind()) {
            case ROLLOVER -> "rollover before " + at + " (" + before + " -> " + after + " " + unit + ")";
            case REPLACEMENT -> "replaced at " + at + " (old final " + before + ", new first " + after + " " + unit + ")";
            case UNEXPLAINED_FALL -> "unexplained fall before " + at + " (" + before + " -> " + after + " " + unit + "): gap";
        };
    }

    private static void row(List<List<Cell>> rows, String item, String value) {
        rows.add(List.of(Cell.text(item), Cell.text(value)));
    }
}
