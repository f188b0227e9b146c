package io.kelvin.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kelvin.collectors.store.rrd4j.RrdTelemetryStore;
import io.kelvin.core.site.Site;
import io.kelvin.reports.export.Exporter;
import io.kelvin.reports.export.ReportFormat;
import io.kelvin.reports.kpi.Completeness;
import io.kelvin.reports.kpi.Figure;
import io.kelvin.reports.kpi.Kpi;
import io.kelvin.reports.period.PeriodKind;
import io.kelvin.reports.period.PeriodParser;
import io.kelvin.reports.report.IntervalLine;
import io.kelvin.reports.report.Report;
import io.kelvin.reports.report.ReportEngine;
import io.kelvin.reports.report.ReportSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A month report ({@link MonthData}) from the embedded store: day rows that add up to the month,
 * outages shown on the days they happened, and the exports kept under
 * {@code reports/target/report-samples/month/} with the PDF's pages rendered for a person to look at.
 */
class MonthReportTest {

    private static final Path SAMPLES = Path.of("target", "report-samples", "month");

    @TempDir
    static Path tmp;
    private static RrdTelemetryStore store;
    private static Report report;

    @BeforeAll
    static void buildReport() throws IOException {
        Site site = ReferenceData.site(tmp);
        store = RrdTelemetryStore.open(tmp.resolve("rrd"));
        MonthData.write(store);
        report = new ReportEngine(store).build(site, PeriodParser.named("2026-03", ZoneId.of("Asia/Shanghai")),
                ReportSettings.DEFAULTS, "rrd4j store");
        Files.createDirectories(SAMPLES);
        for (ReportFormat format : ReportFormat.values()) {
            Files.write(SAMPLES.resolve("2026-03." + format.extension()), Exporter.export(report, format));
        }
        Tools.pdfPages(SAMPLES.resolve("2026-03.pdf").toAbsolutePath(), SAMPLES.toAbsolutePath(), "2026-03-page", 70);
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    @Test
    void aMonthHasOneRowPerLocalDayAndTheDaysAddUpToTheMonth() {
        assertThat(report.period().kind()).isEqualTo(PeriodKind.MONTH);
        assertThat(report.intervals()).hasSize(31);
        for (Kpi kpi : List.of(Kpi.E_IT, Kpi.E_GRID, Kpi.E_COOLING, Kpi.WATER)) {
            double days = report.intervals().stream().mapToDouble(i -> value(i.figures().get(kpi))).sum();
            // counters and integrals both add over adjacent spans
            assertThat(days).as(kpi.name()).isCloseTo(value(report.figure(kpi)), within(1e-6));
        }
    }

    @Test
    void theItRegisterHoldsWhatItsPowerIntegratesTo() {
        double minutes = 0;
        for (int m = 0; m < 31 * 24 * 60; m++) {
            minutes += MonthData.itKw(m % (24 * 60)) / 60;
        }
        // the register integrates the IT power minute by minute; each minute's reading includes that minute
        assertThat(value(report.figure(Kpi.E_IT))).isCloseTo(minutes, within(1e-6));
    }

    @Test
    void theGridRegisterBridgesItsReplacementSoEveryDayHoldsTheSameGridEnergy() {
        double day = 0;
        for (int m = 0; m < 24 * 60; m++) {
            day += MonthData.gridKw(m) / 60;
        }
        // every day has the same load shape; the replacement on 2 March must not show as a step
        for (IntervalLine line : report.intervals()) {
            assertThat(value(line.figures().get(Kpi.E_GRID))).as(line.interval().label()).isCloseTo(day, within(1e-6));
        }
    }

    @Test
    void thePvOutageMarksItsDayAndTheGridRegisterSilenceCostsNothing() {
        IntervalLine tenth = report.intervals().get(9);
        assertThat(tenth.figures().get(Kpi.E_PV)).isInstanceOf(Figure.Unavailable.class);
        assertThat(tenth.figures().get(Kpi.PUE)).isInstanceOfSatisfying(Figure.Value.class,
                f -> assertThat(f.completeness()).isEqualTo(Completeness.BELOW_THRESHOLD));
        IntervalLine twentieth = report.intervals().get(19);
        assertThat(twentieth.figures().get(Kpi.E_GRID)).isInstanceOfSatisfying(Figure.Value.class,
                f -> assertThat(f.completeness()).isEqualTo(Completeness.COMPLETE));
        // one day of 31 without PV: the month's PV coverage is 30/31
        assertThat(report.figure(Kpi.E_PV).worstCoverage()).isCloseTo(30.0 / 31, within(1e-9));
    }

    private static double value(Figure figure) {
        assertThat(figure).isInstanceOf(Figure.Value.class);
        return ((Figure.Value) figure).value();
    }
}
