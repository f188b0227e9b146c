package io.kelvin.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;

import io.kelvin.core.identity.Role;
import io.kelvin.reports.archive.ArchiveRun;
import io.kelvin.reports.archive.ArchiveStatus;
import io.kelvin.reports.export.Manifest;
import io.kelvin.reports.export.ReportFormat;
import io.kelvin.reports.kpi.Kpi;
import io.kelvin.web.AppReady;
import io.kelvin.web.ReportSpans;
import io.kelvin.web.TempDataDir;
import io.kelvin.web.TestAuth;
import io.kelvin.web.reporting.MonthlyReports;
import io.kelvin.web.runtime.KelvinSettings;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reports API over the running demo site and its twin: KPIs with the coverage of their meters,
 * exports in every format with their digest and an audit record, 400s naming the parameter, and the
 * monthly archive written by a run at a given instant (as the scheduler's injected clock gives it).
 */
@QuarkusTest
@WithTestResource(value = TempDataDir.class, scope = TestResourceScope.GLOBAL)
class ReportsApiTest {

    /** The demo site's zone (site-configs/sites/demo-aidc.yaml). */
    private static final ZoneId SITE_ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    MonthlyReports monthly;

    @Inject
    KelvinSettings settings;

    @Test
    void kpisOfASpanGiveEveryFigureWithTheCoverageOfItsMetersAndMarkThoseBelowTheThreshold() {
        AppReady.awaitReady();
        Instant now = Instant.now();
        String query = "from=" + ReportSpans.minute(now.minus(Duration.ofMinutes(30))) + "&to=" + ReportSpans.minute(now.plus(Duration.ofMinutes(30)));
        JsonPath kpis = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
                .until(() -> {
                    Response r = TestAuth.as(Role.AUDITOR).get("/api/v1/reports/kpis?" + query);
                    return r.statusCode() == 200 ? r.jsonPath() : null;
                }, j -> j != null && j.getFloat("figures.find { it.kpi == 'E_IT' }.value") > 0);

        assertThat(kpis.getString("site")).isEqualTo("demo-aidc");
        assertThat(kpis.getString("period.kind")).isEqualTo("CUSTOM");
        assertThat(kpis.getString("period.zone")).isEqualTo("Asia/Shanghai");
        assertThat(kpis.getList("figures.kpi")).hasSize(Kpi.values().length).contains("PUE", "E_IT", "REF", "WUE");
        Map<String, Object> it = kpis.getMap("figures.find { it.kpi == 'E_IT' }");
        // the second half of the span is still ahead, so no meter covers 95 % of it
        assertThat(it.get("status")).isEqualTo("BELOW_THRESHOLD");
        assertThat(it.get("unit")).isEqualTo("kWh");
        List<Map<String, Object>> itMeters = kpis.getList("figures.find { it.kpi == 'E_IT' }.meters");
        assertThat(itMeters).isNotEmpty().allSatisfy(m -> {
            assertThat(m.get("meter")).isNotNull();
            assertThat(((Number) m.get("coverage")).doubleValue()).isGreaterThan(0).isLessThan(0.95);
        });
        assertThat(kpis.getList("meters")).isNotEmpty();
        assertThat(kpis.getList("figures.status")).contains("BELOW_THRESHOLD");

        JsonPath lenient = TestAuth.as(Role.ADMIN).get("/api/v1/reports/kpis?" + query + "&completeness=0")
                .then().statusCode(200).extract().jsonPath();
        assertThat(lenient.getString("figures.find { it.kpi == 'E_IT' }.status")).isEqualTo("COMPLETE");
        TestAuth.as(Role.VIEWER).get("/api/v1/reports/kpis?" + query).then().statusCode(403);
        TestAuth.as(Role.OPERATOR).get("/api/v1/reports/kpis?" + query).then().statusCode(403);
    }

    @Test
    void everyFormatIsStreamedWithItsTypeNameAndDigestTheSameTwiceAndEachExportIsAudited() {
        String query = ReportSpans.past();
        for (ReportFormat format : ReportFormat.values()) {
            String name = format.name().toLowerCase(java.util.Locale.ROOT);
            Response first = TestAuth.as(Role.AUDITOR).get("/api/v1/reports/export?" + query + "&format=" + name);
            assertThat(first.statusCode()).as(name).isEqualTo(200);
            byte[] bytes = first.asByteArray();
            String sha256 = Manifest.sha256(bytes);
            assertThat(first.contentType()).as(name).startsWith(format.mediaType());
            assertThat(first.header("Content-Disposition")).as(name)
                    .startsWith("attachment; filename=\"demo-aidc-").endsWith("." + format.extension() + "\"");
            assertThat(first.header("X-Content-SHA256")).as(name).isEqualTo(sha256);
            assertThat(first.header("Repr-Digest")).as(name)
                    .isEqualTo("sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256)) + ":");
            byte[] again = TestAuth.as(Role.AUDITOR).get("/api/v1/reports/export?" + query + "&format=" + name)
                    .then().statusCode(200).extract().asByteArray();
            assertThat(Manifest.sha256(again)).as(name + " exported twice").isEqualTo(sha256);

            assertThat(records("kind=REPORT_EXPORTED&actor=" + TestAuth.clientId(Role.AUDITOR))).as(name)
                    .anySatisfy(r -> {
                        assertThat((String) r.get("target")).startsWith("demo-aidc ");
                        assertThat((String) r.get("detail")).contains("format=" + name).contains("sha256=" + sha256);
                        assertThat(r.get("outcome")).isEqualTo("SUCCESS");
                        assertThat(r.get("address")).isNotEqualTo("-");
                    });
        }
        assertThat(new String(TestAuth.as(Role.ADMIN).get("/api/v1/reports/export?" + query + "&format=CSV")
                .then().statusCode(200).extract().asByteArray(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("E_IT").contains("PUE");
    }

    @Test
    void badParametersAre400NamingTheParameterAndExportNothing() {
        int before = records("kind=REPORT_EXPORTED&actor=" + TestAuth.clientId(Role.ADMIN)).size();
        Map<String, String> cases = Map.of(
                "period=2026-03&format=docx", "format:",
                "period=2026-03", "format:",
                "period=2026-13&format=pdf", "period '2026-13'",
                "period=March&format=pdf", "period 'March'",
                "from=2026-03-01&format=csv", "to:",
                "period=2026-03&from=2026-03-01&to=2026-03-02&format=csv", "period:",
                "from=2026-03-02&to=2026-03-01&format=csv", "to 2026-03-01 is not after from",
                "from=yesterday&to=2026-03-01&format=csv", "from 'yesterday'",
                "period=2026-03&format=csv&completeness=1.5", "completeness:",
                "from=2020-01-01&to=2026-01-01&format=csv", "to: a period spans at most");
        cases.forEach((query, detail) -> TestAuth.as(Role.ADMIN).get("/api/v1/reports/export?" + query).then()
                .statusCode(400).contentType("application/problem+json").body("detail", startsWith(detail)));
        TestAuth.as(Role.ADMIN).get("/api/v1/reports/kpis").then().statusCode(400)
                .contentType("application/problem+json").body("detail", startsWith("period:"));
        TestAuth.as(Role.ADMIN).get("/api/v1/reports/kpis?period=2026-Q5").then().statusCode(400)
                .body("detail", startsWith("period '2026-Q5'"));

        assertThat(records("kind=REPORT_EXPORTED&actor=" + TestAuth.clientId(Role.ADMIN))).hasSize(before);
    }

    @Test
    void aPeriodWithoutDataIs404AndTheRefusedExportIsAudited() {
        TestAuth.as(Role.AUDITOR).get("/api/v1/reports/export?period=2020-01&format=pdf").then().statusCode(404)
                .contentType("application/problem+json").body("detail", startsWith("no GOOD data"));
        TestAuth.as(Role.AUDITOR).get("/api/v1/reports/kpis?period=2020-01").then().statusCode(404);
        assertThat(records("kind=REPORT_EXPORTED&actor=" + TestAuth.clientId(Role.AUDITOR)))
                .anySatisfy(r -> {
                    assertThat(r.get("target")).isEqualTo("demo-aidc 2020-01");
                    assertThat(r.get("outcome")).isEqualTo("FAILED");
                });
    }

    @Test
    void aRunAtTheStartOfAMonthArchivesThePreviousMonthOnceAndTheArchiveListsIt() throws Exception {
        AppReady.awaitReady();
        YearMonth current = YearMonth.now(SITE_ZONE);
        // the first hour of next month in the site's zone: the month now running is the previous one
        Instant startOfNext = current.plusMonths(1).atDay(1).atStartOfDay(SITE_ZONE).toInstant().plus(Duration.ofMinutes(5));
        ArchiveRun run = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2))
                .until(() -> monthly.runAt(startOfNext), r -> r.status() != ArchiveStatus.NO_DATA);
        assertThat(run.month()).isEqualTo(current);
        assertThat(run.status()).isEqualTo(ArchiveStatus.WRITTEN);

        Path folder = settings.dataDir().resolve("reports").resolve(current.toString());
        List<String> names = List.of(current + ".csv", current + ".xlsx", current + ".pdf", current + ".eed.json");
        for (String name : names) {
            assertThat(folder.resolve(name)).isNotEmptyFile();
        }
        Path pdf = folder.resolve(current + ".pdf");
        FileTime written = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(pdf, written);
        assertThat(monthly.runAt(startOfNext.plus(Duration.ofDays(3))).status()).isEqualTo(ArchiveStatus.ALREADY_PRESENT);
        assertThat(Files.getLastModifiedTime(pdf)).isEqualTo(written);

        JsonPath archive = TestAuth.as(Role.AUDITOR).get("/api/v1/reports/archive").then().statusCode(200)
                .extract().jsonPath();
        assertThat(archive.getList("month")).contains(current.toString());
        List<Map<String, Object>> files = archive.getList("find { it.month == '" + current + "' }.files");
        assertThat(files).extracting(f -> f.get("name")).containsExactlyElementsOf(names);
        for (Map<String, Object> file : files) {
            byte[] bytes = Files.readAllBytes(folder.resolve((String) file.get("name")));
            assertThat(file.get("sha256")).isEqualTo(Manifest.sha256(bytes));
            assertThat(((Number) file.get("bytes")).longValue()).isEqualTo(bytes.length);
        }
        assertThat(Files.readString(folder.resolve(current + ".sha256"))).contains(Manifest.sha256(Files.readAllBytes(pdf)));
        assertThat(records("kind=REPORT_EXPORTED&actor=monthly-reports")).anySatisfy(r ->
                assertThat(r.get("target")).isEqualTo("demo-aidc " + current));
        TestAuth.as(Role.VIEWER).get("/api/v1/reports/archive").then().statusCode(403);

        // one archived file: the bytes on disk with their digest, audited; no way out of the archive
        String url = "/api/v1/reports/archive/" + current + "/" + current + ".pdf";
        io.restassured.response.Response download = TestAuth.as(Role.AUDITOR).get(url);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.contentType()).isEqualTo("application/pdf");
        assertThat(download.asByteArray()).isEqualTo(Files.readAllBytes(pdf));
        assertThat(download.header("X-Content-SHA256")).isEqualTo(Manifest.sha256(Files.readAllBytes(pdf)));
        assertThat(records("kind=REPORT_EXPORTED")).anySatisfy(r -> assertThat((String) r.get("detail"))
                .startsWith("archive file=" + current + "/" + current + ".pdf sha256="));
        TestAuth.as(Role.ADMIN).get("/api/v1/reports/archive/" + current + "/" + current + ".sha256").then().statusCode(200);
        TestAuth.as(Role.AUDITOR).urlEncodingEnabled(false).get("/api/v1/reports/archive/" + current + "/..%5Ckelvin-db.mv.db")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.startsWith("file: '..\\kelvin-db.mv.db' is not a file name"));
        TestAuth.as(Role.AUDITOR).get("/api/v1/reports/archive/" + current + "/.hidden").then().statusCode(400);
        TestAuth.as(Role.AUDITOR).get("/api/v1/reports/archive/2026-13/2026-13.pdf").then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.startsWith("month: '2026-13'"));
        TestAuth.as(Role.AUDITOR).get("/api/v1/reports/archive/" + current + "/" + current + ".doc").then().statusCode(404)
                .contentType("application/problem+json");
        TestAuth.as(Role.VIEWER).get(url).then().statusCode(403);
    }

    private static List<Map<String, Object>> records(String query) {
        return TestAuth.as(Role.AUDITOR).get("/api/v1/audit?limit=1000&" + query).then().statusCode(200).extract()
                .jsonPath().getList("records");
    }
}
