package io.kelvin.reports;

import static io.kelvin.reports.ReferenceData.FROM;
import static io.kelvin.reports.ReferenceData.TO;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kelvin.collectors.store.rrd4j.RrdTelemetryStore;
import io.kelvin.core.site.Site;
import io.kelvin.reports.export.Cell;
import io.kelvin.reports.export.Exporter;
import io.kelvin.reports.export.Manifest;
import io.kelvin.reports.export.ReportFormat;
import io.kelvin.reports.export.ReportTables;
import io.kelvin.reports.export.Table;
import io.kelvin.reports.period.PeriodKind;
import io.kelvin.reports.period.ReportPeriod;
import io.kelvin.reports.report.Report;
import io.kelvin.reports.report.ReportEngine;
import io.kelvin.reports.report.ReportSettings;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference period's report in every format, checked by programs we did not write: the XLSX
 * read back by LibreOffice, the PDF's text by pdftotext. The exports and the rendered PDF pages are
 * kept under {@code reports/target/report-samples/reference/} for a person to look at.
 */
class ExportFormatsTest {

    private static final Path SAMPLES = Path.of("target", "report-samples", "reference");

    @TempDir
    static Path tmp;
    private static RrdTelemetryStore store;
    private static Site site;
    private static ReportPeriod period;
    private static Report report;

    @BeforeAll
    static void buildReport() throws IOException {
        site = ReferenceData.site(tmp);
        store = RrdTelemetryStore.open(tmp.resolve("rrd"));
        ReferenceData.write(store);
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        period = new ReportPeriod(FROM.atZone(zone), TO.atZone(zone), PeriodKind.CUSTOM);
        report = build();
        Files.createDirectories(SAMPLES);
    }

    private static Report build() {
        return new ReportEngine(store).build(site, period, ReportSettings.DEFAULTS, "rrd4j store");
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    @Test
    void twoExportsOfTheSamePeriodHaveTheSameSha256InEveryFormat() {
        Report again = build();
        for (ReportFormat format : ReportFormat.values()) {
            String first = Manifest.sha256(Exporter.export(report, format));
            String second = Manifest.sha256(Exporter.export(again, format));
            assertThat(second).as(format.name()).isEqualTo(first);
        }
    }

    @Test
    void theCsvHoldsEveryTableCellForCell() throws IOException {
        byte[] csv = Exporter.export(report, ReportFormat.CSV);
        Files.write(SAMPLES.resolve("reference.csv"), csv);

        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(new String(csv, StandardCharsets.UTF_8))).getRecords();
        int at = 0;
        for (Table table : ReportTables.of(report)) {
            assertThat(records.get(at++).get(0)).isEqualTo(table.title());
            assertThat(records.get(at++).toList()).isEqualTo(table.header());
            for (List<Cell> row : table.rows()) {
                assertThat(records.get(at++).toList()).isEqualTo(row.stream().map(Cell::shown).toList());
            }
            at++;
        }
        // PUE = E_DC / E_IT of the hand calculation, with its 3 decimals
        assertThat(new String(csv, StandardCharsets.UTF_8)).contains("PUE,Power usage effectiveness,"
                + String.format(java.util.Locale.ROOT, "%.3f", ReferencePeriodContract.E_DC / ReferencePeriodContract.E_IT));
    }

    @Test
    void libreOfficeReadsTheSameNumbersFromTheXlsxAsTheCsvHolds() throws IOException {
        Path xlsx = SAMPLES.resolve("reference.xlsx");
        Files.write(xlsx, Exporter.export(report, ReportFormat.XLSX));

        List<Path> sheets = Tools.libreOfficeCsv(xlsx.toAbsolutePath(), tmp.resolve("libreoffice"));

        List<Table> tables = ReportTables.of(report);
        assertThat(sheets).hasSize(tables.size());
        for (Table table : tables) {
            Path sheet = sheets.stream().filter(p -> p.getFileName().toString().equals("reference-" + table.title() + ".csv"))
                    .findFirst().orElseThrow(() -> new AssertionError("no sheet " + table.title() + " in " + sheets));
            List<List<String>> expected = new ArrayList<>();
            expected.add(table.header());
            table.rows().forEach(r -> expected.add(r.stream().map(Cell::shown).toList()));
            assertThat(rows(sheet)).as(table.title()).isEqualTo(expected);
        }
    }

    @Test
    void thePdfTextCarriesEveryNumberAndItsPagesAreRenderedForAPerson() throws IOException {
        Path pdf = SAMPLES.resolve("reference.pdf");
        Files.write(pdf, Exporter.export(report, ReportFormat.PDF));

        String text = Tools.pdfText(pdf.toAbsolutePath(), tmp.resolve("poppler"));
        List<Path> pages = Tools.pdfPages(pdf.toAbsolutePath(), SAMPLES.toAbsolutePath(), "reference-page", 70);

        for (Table table : ReportTables.of(report)) {
            for (List<Cell> row : table.rows()) {
                row.stream().filter(c -> c instanceof Cell.Number).forEach(c ->
                        assertThat(text).as("%s: %s", table.title(), c.shown()).contains(c.shown()));
            }
        }
        assertThat(text).contains("Energy and sustainability report", "interim PUE2");
        assertThat(pages).isNotEmpty();
    }

    @Test
    void theEedPackMapsEveryFieldToItsSourceAndListsWhatKelvinCannotKnow() throws IOException {
        byte[] eed = Exporter.export(report, ReportFormat.EED);
        Files.write(SAMPLES.resolve("reference.eed.json"), eed);

        JsonNode pack = new ObjectMapper().readTree(eed);
        assertThat(pack.get("eli").asText()).isEqualTo("http://data.europa.eu/eli/reg_del/2024/1364/oj");
        assertThat(pack.get("scope").asText()).contains("1200.0 kW: at or above the 500 kW threshold", "not a calendar year");
        JsonNode pue = field(pack, "pue");
        assertThat(pue.get("annex").asText()).isEqualTo("Annex II");
        assertThat(pue.get("value").decimalValue().doubleValue())
                .isEqualTo(Math.round(ReferencePeriodContract.E_DC / ReferencePeriodContract.E_IT * 1000) / 1000.0);
        assertThat(field(pack, "total_floor_area").get("status").asText()).isEqualTo("declared");
        assertThat(field(pack, "potable_water_input").get("status").asText()).isEqualTo("not provided");
        assertThat(field(pack, "owner").get("method").asText()).isEqualTo("add reporting.owner to the site file");
        // 7200 L of the hand calculation in m3
        assertThat(field(pack, "water_input").get("value").decimalValue().doubleValue()).isEqualTo(7.2);
        for (JsonNode field : pack.get("fields")) {
            assertThat(field.get("source").asText()).as(field.get("id").asText()).isNotBlank();
            assertThat(field.get("method").asText()).as(field.get("id").asText()).isNotBlank();
        }
    }

    private static JsonNode field(JsonNode pack, String id) {
        for (JsonNode field : pack.get("fields")) {
            if (field.get("id").asText().equals(id)) {
                return field;
            }
        }
        throw new AssertionError("no field " + id);
    }

    private static List<List<String>> rows(Path csv) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (CSVRecord record : CSVFormat.RFC4180.parse(Files.newBufferedReader(csv, StandardCharsets.UTF_8))) {
            List<String> cells = new ArrayList<>(record.toList());
            rows.add(cells);
        }
        return rows;
    }
}
