package io.kelvin.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.collectors.store.rrd4j.RrdTelemetryStore;
import io.kelvin.core.plan.JobSpec;
import io.kelvin.core.plan.PlanCosts;
import io.kelvin.core.plan.PlanJobOutcome;
import io.kelvin.core.plan.PlannedJob;
import io.kelvin.core.plan.SolverStatus;
import io.kelvin.core.plan.StoredJob;
import io.kelvin.core.plan.StoredPlan;
import io.kelvin.core.site.Site;
import io.kelvin.reports.export.Cell;
import io.kelvin.reports.export.Exporter;
import io.kelvin.reports.export.Manifest;
import io.kelvin.reports.export.ReportFormat;
import io.kelvin.reports.export.ReportTables;
import io.kelvin.reports.export.Table;
import io.kelvin.reports.period.PeriodParser;
import io.kelvin.reports.report.Report;
import io.kelvin.reports.report.ReportEngine;
import io.kelvin.reports.report.ReportSettings;
import io.kelvin.state.JdbcJobRunStore;
import io.kelvin.state.JdbcJobStore;
import io.kelvin.state.JdbcPlanOutcomeHistory;
import io.kelvin.state.JdbcPlanOutcomeStore;
import io.kelvin.state.JdbcPlanStore;
import io.kelvin.state.KelvinDatabase;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The optimizer savings section over the reference period (16:00-22:00 UTC, {@link ReferenceData}) with the jobs,
 * plans, per-job figures and runs kept in a real H2 state database, read by the state adapter the app and
 * {@code ./kelvin report} use. Prices: 0.30 EUR/kWh and 600 g CO2/kWh before 18:00, 0.10 EUR/kWh and 300 g after
 * (plan 2 expects 0.12 EUR/kWh from 19:00); each plan's figures are written here as kWh x price and kWh x carbon.
 * <ul>
 * <li>sav-a1 (project alpha), 200 kW above idle, 1 h: run-immediately at 16:00 (200 kWh, 60 EUR, 120 kg); plan 1
 *     (16:00) moves it to 18:00 (200 kWh, 20 EUR, 60 kg); plan 2 (18:00) runs it 18:00-19:00 with the same figures.</li>
 * <li>sav-a2 (alpha), 100 kW, 1 h, due at once: 16:00-17:00 in both plans of plan 1 (100 kWh, 30 EUR, 60 kg).</li>
 * <li>sav-b1 (beta), 400 kW, 1 h: run-immediately 16:00 (400 kWh, 120 EUR, 240 kg); plan 1 at 19:00 (40 EUR,
 *     120 kg); plan 2 at 19:00 (48 EUR at 0.12, 120 kg); it ran 19:00-19:45, was paused at 19:45 and ran its last
 *     quarter hour at 22:00, after the period.</li>
 * </ul>
 */
class SavingsReportTest {

    private static final Instant S = ReferenceData.FROM;
    private static final Duration SLOT = Duration.ofMinutes(15);
    private static final Path SAMPLES = Path.of("target", "report-samples", "savings");

    @TempDir
    static Path tmp;
    private static RrdTelemetryStore store;
    private static Site site;
    private static DataSource state;
    private static Report report;

    @BeforeAll
    static void buildReport() throws IOException {
        site = ReferenceData.site(tmp);
        store = RrdTelemetryStore.open(tmp.resolve("rrd"));
        ReferenceData.write(store);
        state = KelvinDatabase.simple(KelvinDatabase.h2Url(tmp.resolve("data")), KelvinDatabase.H2_USER, "");
        KelvinDatabase.migrate(state);
        job("sav-a1", "alpha");
        job("sav-a2", "alpha");
        job("sav-b1", "beta");
        JdbcPlanOutcomeStore outcomes = new JdbcPlanOutcomeStore(state);
        JdbcJobRunStore runs = new JdbcJobRunStore(state);

        long first = plan(S, Map.of("sav-a2", List.of(0, 1, 2, 3), "sav-a1", List.of(8, 9, 10, 11),
                "sav-b1", List.of(12, 13, 14, 15)));
        outcomes.save(first, List.of(new PlanJobOutcome("sav-a1", 200, 4, 200, 20, 60, 4, 200, 60, 120),
                new PlanJobOutcome("sav-a2", 100, 4, 100, 30, 60, 4, 100, 30, 60),
                new PlanJobOutcome("sav-b1", 400, 4, 400, 40, 120, 4, 400, 120, 240)));
        runs.dispatch(first, Map.of(at(1), List.of("sav-a2"), at(2), List.of("sav-a2"), at(3), List.of("sav-a2")));

        long second = plan(at(8), Map.of("sav-a1", List.of(0, 1, 2, 3), "sav-b1", List.of(4, 5, 6, 7)));
        // later plans' run-immediately figures are not the job's baseline: the first plan that had it gives it
        outcomes.save(second, List.of(new PlanJobOutcome("sav-a1", 200, 4, 200, 20, 60, 4, 200, 999, 999),
                new PlanJobOutcome("sav-b1", 400, 4, 400, 48, 120, 4, 400, 999, 999)));
        runs.dispatch(second, Map.of(at(9), List.of("sav-a1"), at(10), List.of("sav-a1"), at(11), List.of("sav-a1"),
                at(12), List.of("sav-b1"), at(13), List.of("sav-b1"), at(14), List.of("sav-b1"), at(24), List.of("sav-b1")));

        report = build();
        Files.createDirectories(SAMPLES);
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    /*
     * By hand. Planned: each run slot takes its dispatching plan's figure / the job's run slots in that plan.
     * Metered: run slots x kW above idle x 0.25 h. Baseline: the first plan's run-immediately figures x the share of
     * the job's recorded runs inside the period.
     *   sav-a1: 4 slots of plan 2: 4 x 200/4 = 200.0 kWh, 4 x 20/4 = 20.00 EUR, 4 x 60/4 = 60.0 kg; metered
     *     4 x 200 x 0.25 = 200.0; baseline 4/4 of plan 1's: 200.0 kWh, 60.00 EUR, 120.0 kg; saves 40.00 EUR, 60.0 kg.
     *   sav-a2: 4 slots of plan 1: 100.0 kWh, 30.00 EUR, 60.0 kg; metered 4 x 100 x 0.25 = 100.0; baseline the
     *     same; saves 0.00 EUR, 0.0 kg.
     *   sav-b1: 3 slots of plan 2 in the period (19:00, 19:15, 19:30; 22:00 is after it): 3 x 100 = 300.0 kWh,
     *     3 x 12 = 36.00 EUR, 3 x 30 = 90.0 kg; metered 3 x 400 x 0.25 = 300.0; baseline 3/4 of plan 1's
     *     (400 kWh, 120 EUR, 240 kg): 300.0 kWh, 90.00 EUR, 180.0 kg; saves 54.00 EUR, 90.0 kg.
     *   alpha: 8 slots, 300.0 kWh planned and metered, 50.00 EUR, baseline 300.0 kWh 90.00 EUR, saves 40.00;
     *     120.0 kg against 180.0, saves 60.0. beta: as sav-b1.
     *   Total: 11 slots, 600.0 kWh, 86.00 EUR against 180.00, saves 94.00 EUR; 210.0 kg against 360.0, saves 150.0.
     */
    private static final List<List<String>> EXPECTED = List.of(
            List.of("sav-a1", "alpha", "4", "200.0", "200.0", "20.00", "200.0", "60.00", "40.00", "60.0", "120.0", "60.0",
                    "run-immediately"),
            List.of("sav-a2", "alpha", "4", "100.0", "100.0", "30.00", "100.0", "30.00", "0.00", "60.0", "60.0", "0.0",
                    "run-immediately"),
            List.of("sav-b1", "beta", "3", "300.0", "300.0", "36.00", "300.0", "90.00", "54.00", "90.0", "180.0", "90.0",
                    "run-immediately"),
            List.of("Subtotal (2 jobs)", "alpha", "8", "300.0", "300.0", "50.00", "300.0", "90.00", "40.00", "120.0",
                    "180.0", "60.0", "run-immediately"),
            List.of("Subtotal (1 jobs)", "beta", "3", "300.0", "300.0", "36.00", "300.0", "90.00", "54.00", "90.0",
                    "180.0", "90.0", "run-immediately"),
            List.of("Total (3 jobs)", "", "11", "600.0", "600.0", "86.00", "600.0", "180.00", "94.00", "210.0", "360.0",
                    "150.0", "run-immediately"));

    @Test
    void eachJobsAndEachProjectsSavingsEqualTheHandCalculation() {
        Table table = savings();
        assertThat(table.header()).startsWith("Job", "Project", "Slots run", "Planned kWh", "Metered kWh");
        assertThat(table.rows().stream().map(r -> r.stream().map(Cell::shown).toList()).toList()).isEqualTo(EXPECTED);
    }

    @Test
    void theCsvXlsxAndPdfCarryTheSameSavingsFiguresAndTheMethodAndStayByteReproducible() throws IOException {
        byte[] csv = Exporter.export(report, ReportFormat.CSV);
        Files.write(SAMPLES.resolve("savings.csv"), csv);
        List<List<String>> csvRows = new ArrayList<>();
        for (CSVRecord record : CSVFormat.RFC4180.parse(new StringReader(new String(csv, StandardCharsets.UTF_8)))) {
            csvRows.add(record.toList());
        }
        assertThat(csvRows).containsSubsequence(EXPECTED);
        assertThat(new String(csv, StandardCharsets.UTF_8)).contains("the cluster gives no per-job meter");

        Path xlsx = SAMPLES.resolve("savings.xlsx");
        Files.write(xlsx, Exporter.export(report, ReportFormat.XLSX));
        Path sheet = Tools.libreOfficeCsv(xlsx.toAbsolutePath(), tmp.resolve("libreoffice")).stream()
                .filter(p -> p.getFileName().toString().equals("savings-Optimizer savings.csv")).findFirst().orElseThrow();
        List<List<String>> sheetRows = new ArrayList<>();
        for (CSVRecord record : CSVFormat.RFC4180.parse(Files.newBufferedReader(sheet, StandardCharsets.UTF_8))) {
            sheetRows.add(record.toList());
        }
        assertThat(sheetRows.subList(1, sheetRows.size())).isEqualTo(EXPECTED);

        Path pdf = SAMPLES.resolve("savings.pdf");
        Files.write(pdf, Exporter.export(report, ReportFormat.PDF));
        String text = Tools.pdfText(pdf.toAbsolutePath(), tmp.resolve("poppler"));
        assertThat(text).contains("Optimizer savings", "sav-a1", "sav-b1", "alpha", "beta", "Subtotal", "Total (3 jobs)",
                "per-job meter");
        for (List<String> row : EXPECTED) {
            row.stream().filter(c -> c.matches("\\d+\\.\\d+")).forEach(c -> assertThat(text).as(c).contains(c));
        }
        Tools.pdfPages(pdf.toAbsolutePath(), SAMPLES.toAbsolutePath(), "savings-page", 70);

        Report again = build();
        for (ReportFormat format : ReportFormat.values()) {
            assertThat(Manifest.sha256(Exporter.export(again, format))).as(format.name())
                    .isEqualTo(Manifest.sha256(Exporter.export(report, format)));
        }
    }

    private static Table savings() {
        return ReportTables.of(report).stream().filter(t -> t.title().equals("Optimizer savings")).findFirst()
                .orElseThrow();
    }

    private static Report build() {
        return new ReportEngine(store, Optional.empty(), Optional.of(new JdbcPlanOutcomeHistory(state)))
                .build(site, PeriodParser.between(ReferenceData.FROM.toString(), ReferenceData.TO.toString(),
                        site.info().timezone()), ReportSettings.DEFAULTS, "rrd4j store");
    }

    private static Instant at(int slot) {
        return S.plus(SLOT.multipliedBy(slot));
    }

    private static void job(String id, String project) {
        assertThat(new JdbcJobStore(state).insert(new StoredJob(new JobSpec(id, 8, null, null, Duration.ofHours(1), S,
                S.plus(Duration.ofHours(8)), null, true, null, project), S))).isTrue();
    }

    /** Stores a plan with its horizon at {@code start} running the jobs in the given slots; slot 0 is dispatched. */
    private static long plan(Instant start, Map<String, List<Integer>> runSlots) {
        List<PlannedJob> jobs = runSlots.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new PlannedJob(e.getKey(), start.plus(SLOT.multipliedBy(e.getValue().get(0))), null,
                        e.getValue(), "ON_TIME", 0, "fixture", 0, 0, 0, "RELEASE")).toList();
        return new JdbcPlanStore(state).save(new StoredPlan(0, start, "fixture", "optimizer", SolverStatus.OPTIMAL, false,
                null, false, 1, start, 15, new PlanCosts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), List.of(), List.of(),
                jobs, null, 0, false, List.of(), null), null).id();
    }
}
