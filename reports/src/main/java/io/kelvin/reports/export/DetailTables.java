package io.kelvin.reports.export;

import io.kelvin.reports.kpi.Figure;
import io.kelvin.reports.kpi.Kpi;
import io.kelvin.reports.report.ContractLine;
import io.kelvin.reports.report.IntervalLine;
import io.kelvin.reports.report.Report;
import io.kelvin.reports.report.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The day-by-day (or month-by-month) breakdown, renewable contracts, sections from other sources, and the method. */
final class DetailTables {

    /** The figures of each interval, in column order. */
    static final List<Kpi> INTERVAL_COLUMNS = List.of(Kpi.E_DC, Kpi.E_IT, Kpi.PUE, Kpi.E_GRID, Kpi.E_REN_ONSITE, Kpi.E_REUSE);

    private DetailTables() {
    }

    static List<Table> of(Report report) {
        List<Table> tables = new ArrayList<>();
        tables.add(intervals(report));
        tables.add(contracts(report));
        for (Section section : report.sections()) {
            tables.add(section(section));
        }
        return tables;
    }

    private static Table intervals(Report report) {
        List<String> header = new ArrayList<>(List.of("From", "To"));
        INTERVAL_COLUMNS.forEach(k -> header.add(k.symbol() + " (" + k.unit() + ")"));
        header.add("Lowest meter coverage (%)");
        header.add("Status");
        List<List<Cell>> rows = new ArrayList<>();
        for (IntervalLine line : report.intervals()) {
            List<Cell> row = new ArrayList<>(List.of(Cell.text(Formats.local(line.interval().from())),
                    Cell.text(Formats.local(line.interval().to()))));
            INTERVAL_COLUMNS.forEach(k -> row.add(Formats.value(line.figures().get(k))));
            Figure pue = line.figures().get(Kpi.PUE);
            row.add(Formats.coverage(pue));
            row.add(Cell.text(Formats.status(pue)));
            rows.add(row);
        }
        String title = report.period().monthlyIntervals() ? "Months" : "Days";
        return new Table(title, header, rows);
    }

    private static Table contracts(Report report) {
        List<List<Cell>> rows = new ArrayList<>();
        for (ContractLine line : report.contracts()) {
            rows.add(List.of(Cell.text(line.contract().id()),
                    Cell.text(line.contract().instrument().name().toLowerCase(Locale.ROOT)),
                    Cell.text(String.join(" ", line.contract().certificates())), Cell.number(line.contract().mwh(), 3),
                    Cell.text(line.contract().from().toString()), Cell.text(line.contract().to().toString()),
                    Cell.number(line.allocatedKwh(), 1)));
        }
        return new Table("Renewable contracts", List.of("Contract", "Instrument", "Certificates", "Contract MWh", "From",
                "To", "Counted in period (kWh)"), rows);
    }

    private static Table section(Section section) {
        if (section.unavailable().isPresent()) {
            return new Table(section.title(), List.of("Status"), List.of(List.of(Cell.text(section.unavailable().get()))));
        }
        List<List<Cell>> rows = section.rows().stream().map(r -> r.stream().map(DetailTables::sectionCell).toList()).toList();
        return new Table(section.title(), section.header(), rows);
    }

    static Table method(Report report) {
        int threshold = (int) Math.round(report.settings().completenessThreshold() * 100);
        List<String> notes = new ArrayList<>(List.of(
                "Only samples of quality GOOD count. A gap is never filled: an amount covers the GOOD data only and is "
                        + "then a lower bound; the share each meter covers is stated.",
                "A meter with a counter is read from its register: the sum of increments between readings (the last "
                        + "GOOD value of each store step, taken at the step's end), a wrap adding the rollover value, a "
                        + "replacement bridged by the old final and new first readings. Communication gaps between "
                        + "readings cost no energy.",
                "A meter without a counter is integrated: mean GOOD power (kW) or flow (L/min) of each store step "
                        + "times the step's length. Steps are 1 min for periods up to 7 days, 15 min beyond; the "
                        + "embedded store keeps 1-min rows for 2 days, 15-min for 35 days and hourly for 400 days.",
                "A figure is 'below threshold' when any meter behind it covers less than " + threshold
                        + " % of the span; 'unavailable' figures give their reason.",
                "Contracted renewable energy counts the share of each contract's MWh that the period's time is of "
                        + "the contract's time, backed by the certificates listed.",
                "Times are in the site's time zone " + report.period().zone() + "; periods include their start and "
                        + "exclude their end."));
        report.sections().forEach(section -> section.notes().forEach(n -> notes.add(section.title() + ": " + n)));
        return new Table("Method", List.of("Note"), notes.stream().map(n -> List.of(Cell.text(n))).toList());
    }

    /** A section's decimal ("350.0", "-1.25") is a number cell (numeric in XLSX, right-aligned in the PDF); the rest is text. */
    private static Cell sectionCell(String text) {
        if (DECIMAL.matcher(text).matches()) {
            java.math.BigDecimal value = new java.math.BigDecimal(text);
            return new Cell.Number(value, value.scale());
        }
        return Cell.text(text);
    }

    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("-?\\d+\\.\\d+");
}
