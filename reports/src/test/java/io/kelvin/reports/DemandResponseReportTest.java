package io.kelvin.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.collectors.store.rrd4j.RrdTelemetryStore;
import io.kelvin.core.dr.DrEventStatus;
import io.kelvin.core.dr.DrSignal;
import io.kelvin.core.dr.DrState;
import io.kelvin.core.dr.DrTransition;
import io.kelvin.core.dr.EventRef;
import io.kelvin.core.site.Site;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Sample;
import io.kelvin.greenpower.dr.InMemoryDrEventStore;
import io.kelvin.reports.export.Cell;
import io.kelvin.reports.export.Exporter;
import io.kelvin.reports.export.Manifest;
import io.kelvin.reports.export.ReportFormat;
import io.kelvin.reports.export.ReportTables;
import io.kelvin.reports.export.Table;
import io.kelvin.reports.period.PeriodParser;
import io.kelvin.reports.period.ReportPeriod;
import io.kelvin.reports.report.Report;
import io.kelvin.reports.report.ReportEngine;
import io.kelvin.reports.report.ReportSettings;
import io.kelvin.reports.report.Section;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demand-response performance section on known meter data, written minute by minute into a real
 * rrd4j store: the grid import of the reference site (Asia/Shanghai) is 1000 kW every day from 1 to 16
 * March; on Tuesday 17 March it is 1050 kW, except 700 kW from 13:55 to 16:05. Event "ev-peak" caps the
 * import at 800 kW 14:00-15:00 and 650 kW 15:00-16:00; event "ev-late" (opted out by an operator) caps
 * it at 900 kW 21:00-21:30. Every figure is computed by hand below, from the CAISO 10-in-10 rule.
 */
class DemandResponseReportTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Instant FROM = LocalDateTime.parse("2026-03-01T00:00").atZone(ZONE).toInstant();
    private static final int DAY = 24 * 60;
    private static final Path SAMPLES = Path.of("target", "report-samples", "demand-response");

    @TempDir
    static Path tmp;
    private static RrdTelemetryStore store;
    private static Site site;
    private static InMemoryDrEventStore events;
    private static ReportPeriod period;
    private static Report report;

    @BeforeAll
    static void buildReport() throws IOException {
        site = ReferenceData.site(tmp);
        store = RrdTelemetryStore.open(tmp.resolve("rrd"));
        List<Sample> batch = new ArrayList<>();
        for (int m = 0; m < 17 * DAY; m++) {
            batch.add(Sample.good(PointId.of("grid", "power_kw"), gridKw(m), FROM.plusSeconds(60L * m + 59)));
            if (batch.size() == 5000) {
                store.write(batch);
                batch = new ArrayList<>();
            }
        }
        store.write(batch);

        events = new InMemoryDrEventStore();
        event("ev-peak", "Evening peak", List.of(cap("ev-peak", "14:00", "15:00", 800), cap("ev-peak", "15:00", "16:00", 650)),
                Optional.empty());
        event("ev-late", "ev-late", List.of(cap("ev-late", "21:00", "21:30", 900)), Optional.of("chiller maintenance"));
        period = PeriodParser.between("2026-03-17", "2026-03-18", ZONE);
        report = build();
        Files.createDirectories(SAMPLES);
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    private static double gridKw(int minute) {
        if (minute < 16 * DAY) {
            return 1000;
        }
        int local = minute % DAY;
        return local >= 13 * 60 + 55 && local < 16 * 60 + 5 ? 700 : 1050;
    }

    private static Instant at(String localTime) {
        return LocalDateTime.parse("2026-03-17T" + localTime).atZone(ZONE).toInstant();
    }

    private static DrSignal.CapLimit cap(String id, String from, String to, double kw) {
        return new DrSignal.CapLimit(new EventRef("prog-grid", id, at("08:00")), at(from), at(to),
                DrSignal.Direction.IMPORT, kw, true, "IMPORT_CAPACITY_LIMIT");
    }

    /** An event that went through its lifecycle and ended; with {@code optOut}, an operator opted out first. */
    private static void event(String id, String name, List<DrSignal.CapLimit> caps, Optional<String> optOut) {
        EventRef ref = new EventRef("prog-grid", id, at("08:00"));
        Instant t = at("08:00");
        DrEventStatus status = new DrEventStatus(ref, name, DrState.OPTED_IN, t, t, Optional.of("kelvin"), Optional.empty());
        events.record(status, new DrTransition(ref, "kelvin", t, "opt-in", DrState.ACKNOWLEDGED, DrState.OPTED_IN,
                DrTransition.Outcome.DONE, "program takes part"));
        if (optOut.isPresent()) {
            status = status.decided(DrState.OPTED_OUT, t.plusSeconds(60), "olivia", optOut);
            events.record(status, new DrTransition(ref, "olivia", t.plusSeconds(60), "opt-out", DrState.OPTED_IN,
                    DrState.OPTED_OUT, DrTransition.Outcome.DONE, optOut.get()));
        }
        Instant end = caps.getLast().end();
        events.record(status.moved(DrState.COMPLETED, end), new DrTransition(ref, "clock", end, "end", status.state(),
                DrState.COMPLETED, DrTransition.Outcome.DONE, ""));
        events.recordCaps(ref, caps);
    }

    private static Report build() {
        return new ReportEngine(store, Optional.of(events), Optional.empty())
                .build(site, period, ReportSettings.DEFAULTS, "rrd4j store");
    }

    private static Section section(Report r) {
        return r.sections().stream().filter(s -> s.title().equals("Demand-response performance")).findFirst().orElseThrow();
    }

    /*
     * By hand. The 10 weekdays before 17 March (16, 13, 12, 11, 10, 9, 6, 5, 4, 3 March) all read
     * 1000 kW, so the raw baseline is 1000 kW. Day-of adjustment: actual / baseline over the three hours
     * ending one hour before the event: 10:00-13:00 (ev-peak) and 17:00-20:00 (ev-late) read 1050 kW, so
     * 1.05 (inside the +-20 % cap) and the baseline is 1050 kW.
     *   14:00-15:00 cap 800, actual 700: requested (1050-800) x 1 h = 250 kWh, delivered (1050-700) x 1 h
     *     = 350 kWh (140.0 %), nothing above the cap: kept.
     *   15:00-16:00 cap 650, actual 700: requested 400 kWh, delivered 350 kWh (87.5 %), above the cap
     *     (700-650) x 1 h = 50 kWh: not kept.
     *   21:00-21:30 cap 900, actual 1050: requested 150 x 0.5 = 75 kWh, delivered 0 (0.0 %), above the
     *     cap 150 x 0.5 = 75 kWh: not kept.
     *   Total: requested 725, delivered 700 (96.6 %), above the cap 125 kWh, 1/3 caps kept.
     */
    private static final String METHOD = "CAISO 10-in-10 (10 days, adjustment 1.050)";
    private static final List<List<String>> EXPECTED = List.of(
            List.of("ev-peak (Evening peak)", "prog-grid", "COMPLETED", "2026-03-17 14:00", "2026-03-17 15:00", "800.0",
                    "1050.0", "700.0", "250.0", "350.0", "140.0", "0.0", "yes", "100.0", METHOD),
            List.of("ev-peak (Evening peak)", "prog-grid", "COMPLETED", "2026-03-17 15:00", "2026-03-17 16:00", "650.0",
                    "1050.0", "700.0", "400.0", "350.0", "87.5", "50.0", "no", "100.0", METHOD),
            List.of("ev-late", "prog-grid", "COMPLETED, opted out by olivia: chiller maintenance", "2026-03-17 21:00",
                    "2026-03-17 21:30", "900.0", "1050.0", "1050.0", "75.0", "0.0", "0.0", "75.0", "no", "100.0", METHOD),
            List.of("Total", "", "", "", "", "", "", "", "725.0", "700.0", "96.6", "125.0", "1/3", "100.0",
                    "CAISO 10-in-10 over the grid_import meters, 15-minute steps"));

    @Test
    void eachCapIntervalsDeliveredAndRequestedCurtailmentEqualsTheHandCalculation() {
        assertThat(section(report).unavailable()).isEmpty();
        assertThat(section(report).rows()).isEqualTo(EXPECTED);
    }

    @Test
    void theCsvXlsxAndPdfCarryTheSameDemandResponseFiguresAndStayByteReproducible() throws IOException {
        Table table = ReportTables.of(report).stream().filter(t -> t.title().equals("Demand-response performance"))
                .findFirst().orElseThrow();
        List<List<String>> shown = table.rows().stream().map(r -> r.stream().map(Cell::shown).toList()).toList();
        assertThat(shown).isEqualTo(EXPECTED);

        byte[] csv = Exporter.export(report, ReportFormat.CSV);
        Files.write(SAMPLES.resolve("dr.csv"), csv);
        List<List<String>> csvRows = new ArrayList<>();
        for (CSVRecord record : CSVFormat.RFC4180.parse(new StringReader(new String(csv, StandardCharsets.UTF_8)))) {
            csvRows.add(record.toList());
        }
        assertThat(csvRows).containsSubsequence(EXPECTED);

        Path xlsx = SAMPLES.resolve("dr.xlsx");
        Files.write(xlsx, Exporter.export(report, ReportFormat.XLSX));
        Path sheet = Tools.libreOfficeCsv(xlsx.toAbsolutePath(), tmp.resolve("libreoffice")).stream()
                .filter(p -> p.getFileName().toString().equals("dr-Demand-response performance.csv")).findFirst()
                .orElseThrow();
        List<List<String>> sheetRows = new ArrayList<>();
        for (CSVRecord record : CSVFormat.RFC4180.parse(Files.newBufferedReader(sheet, StandardCharsets.UTF_8))) {
            sheetRows.add(record.toList());
        }
        assertThat(sheetRows.subList(1, sheetRows.size())).isEqualTo(EXPECTED);

        Path pdf = SAMPLES.resolve("dr.pdf");
        Files.write(pdf, Exporter.export(report, ReportFormat.PDF));
        String text = Tools.pdfText(pdf.toAbsolutePath(), tmp.resolve("poppler"));
        assertThat(text).contains("Demand-response performance", "Evening", "chiller", "1/3", "2026-03-17");
        for (List<String> row : EXPECTED) {
            row.stream().filter(c -> c.matches("\\d+\\.\\d")).forEach(c -> assertThat(text).as(c).contains(c));
        }
        Tools.pdfPages(pdf.toAbsolutePath(), SAMPLES.toAbsolutePath(), "dr-page", 70);

        Report again = build();
        for (ReportFormat format : ReportFormat.values()) {
            assertThat(Manifest.sha256(Exporter.export(again, format))).as(format.name())
                    .isEqualTo(Manifest.sha256(Exporter.export(report, format)));
        }
    }

    @Test
    void aSiteWithoutDemandResponseSaysSoWhetherOrNotTheEventStoreIsThere() {
        // the reference site file has no demandResponse section: the app (with its state database) and
        // ./kelvin report (without it) must give the same bytes for it
        String noPart = "The site takes no part in demand response: its site file has no demandResponse section.";
        Report withoutSource = new ReportEngine(store).build(site, period, ReportSettings.DEFAULTS, "rrd4j store");
        assertThat(section(withoutSource).unavailable()).contains(noPart);

        Report earlier = new ReportEngine(store, Optional.of(events), Optional.empty())
                .build(site, PeriodParser.between("2026-03-10", "2026-03-11", ZONE), ReportSettings.DEFAULTS, "rrd4j store");
        assertThat(section(earlier).unavailable()).contains(noPart);
    }
}
