package io.kelvin.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kelvin.core.identity.Role;
import io.kelvin.web.TempDataDir;
import io.kelvin.web.TestAuth;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The jobs and plan API over real HTTP, stored in the H2 file database of the test's data directory. */
@QuarkusTest
@WithTestResource(value = TempDataDir.class, scope = TestResourceScope.GLOBAL)
class JobsApiTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void validJobIsCreatedWithLocationAndCanBeReadBack() {
        TestAuth.as(Role.PLATFORM).contentType("application/json").body(job("api-valid", NOW, NOW.plus(Duration.ofHours(12))))
                .post("/api/v1/jobs").then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/jobs/api-valid"));

        JsonPath job = TestAuth.as(Role.PLATFORM).get("/api/v1/jobs/api-valid").then().statusCode(200).extract().jsonPath();
        assertThat(job.getString("duration")).isEqualTo("PT2H");
        assertThat(job.getInt("gpus")).isEqualTo(64);
        // Released now (rounded up to the next quarter hour): not started yet, or dispatched by a plan just now.
        assertThat(job.getString("state")).isIn("PENDING", "RUNNING");
        assertThat(job.getString("workDone")).isEqualTo("PT0S");
        assertThat(job.getString("finishedAt")).isNull();
        assertThat(TestAuth.as(Role.PLATFORM).get("/api/v1/jobs").then().statusCode(200).extract().jsonPath().getList("id"))
                .contains("api-valid");
    }

    @Test
    void aJobsProjectIsStoredReturnedAndAuditedAndAProjectOutsideItsCharactersIsRejectedNamingItWithNothingStored() {
        Map<String, Object> body = job("api-project", NOW, NOW.plus(Duration.ofHours(12)));
        body.put("project", "tenant-a:llm.train_2");
        TestAuth.as(Role.PLATFORM).contentType("application/json").body(body).post("/api/v1/jobs").then()
                .statusCode(201).body("project", org.hamcrest.Matchers.equalTo("tenant-a:llm.train_2"));
        assertThat(TestAuth.as(Role.VIEWER).get("/api/v1/jobs/api-project").then().statusCode(200).extract().jsonPath()
                .getString("project")).isEqualTo("tenant-a:llm.train_2");
        assertThat(TestAuth.as(Role.PLATFORM).get("/api/v1/jobs").then().statusCode(200).extract().jsonPath()
                .getString("find { it.id == 'api-project' }.project")).isEqualTo("tenant-a:llm.train_2");
        List<Map<String, Object>> audited = TestAuth.as(Role.AUDITOR).get("/api/v1/audit?limit=1000&kind=JOB_SUBMITTED")
                .then().statusCode(200).extract().jsonPath().getList("records");
        assertThat(audited).anySatisfy(r -> {
            assertThat(r.get("target")).isEqualTo("api-project");
            assertThat((String) r.get("detail")).contains("project=tenant-a:llm.train_2");
        });

        Map<String, Object> bad = job("api-bad-project", NOW, NOW.plus(Duration.ofHours(12)));
        bad.put("project", "team a/b");
        assertThat(rejected(bad, 400)).isEqualTo("project: must be 1..64 characters of A-Z a-z 0-9 . _ : -, was 'team a/b'");
        bad.put("project", "p".repeat(65));
        assertThat(rejected(bad, 400)).endsWith("was 65 characters");
        TestAuth.as(Role.PLATFORM).get("/api/v1/jobs/api-bad-project").then().statusCode(404);
    }

    /**
     * A job whose window leaves no choice but to start in the current quarter hour is dispatched by the plan made
     * for it; a report over that quarter hour lists it in the optimizer savings section with its project.
     */
    @Test
    void aJobAPlanDispatchedIsListedWithItsProjectInTheReportsSavingsSection() {
        io.kelvin.web.AppReady.awaitReady();
        Instant slot = Instant.ofEpochSecond(Math.floorDiv(Instant.now().getEpochSecond(), 900) * 900);
        Map<String, Object> body = job("api-savings", slot.minus(Duration.ofHours(1)),
                slot.plus(Duration.ofHours(2)).plusSeconds(60));
        body.put("project", "team-savings");
        TestAuth.as(Role.PLATFORM).contentType("application/json").body(body).post("/api/v1/jobs").then().statusCode(201);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> TestAuth.as(Role.PLATFORM)
                .get("/api/v1/jobs/api-savings").then().extract().jsonPath().getString("state").equals("RUNNING"));

        String query = "from=" + io.kelvin.web.ReportSpans.minute(slot) + "&to="
                + io.kelvin.web.ReportSpans.minute(slot.plus(Duration.ofMinutes(30))) + "&format=csv";
        String csv = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
                .until(() -> new String(TestAuth.as(Role.AUDITOR).get("/api/v1/reports/export?" + query).then()
                        .statusCode(200).extract().asByteArray(), java.nio.charset.StandardCharsets.UTF_8),
                        text -> text.contains("api-savings"));

        String line = csv.lines().filter(l -> l.startsWith("api-savings,")).findFirst().orElseThrow();
        List<String> cells = List.of(line.split(","));
        assertThat(cells.get(1)).isEqualTo("team-savings");
        int slots = Integer.parseInt(cells.get(2));
        assertThat(slots).isPositive();
        // 60 kW for 64 GPUs idling at 0.25 kW each (demo site): 44 kW above idle, 11 kWh per quarter hour run
        assertThat(cells.get(4)).isEqualTo(String.format(java.util.Locale.ROOT, "%.1f", slots * 11.0));
        assertThat(cells.get(cells.size() - 1)).isEqualTo("run-immediately");
        assertThat(csv).contains("Subtotal (1 jobs),team-savings");
    }

    @Test
    void deadlineBeforeReleaseIsRejectedNamingTheFieldAndNothingIsStored() {
        String detail = rejected(job("api-backwards", NOW.plus(Duration.ofHours(5)), NOW.plus(Duration.ofHours(1))), 400);
        assertThat(detail).startsWith("deadline: must be after release");
        TestAuth.as(Role.PLATFORM).get("/api/v1/jobs/api-backwards").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void negativePowerIsRejectedNamingTheField() {
        Map<String, Object> body = job("api-negative", NOW, NOW.plus(Duration.ofHours(8)));
        body.put("totalPowerKw", -40.0);
        // A negative total is outside the job's sane range of 0 .. GPUs x the site's per-GPU ceiling.
        assertThat(rejected(body, 400)).contains("totalPowerKw: must be 0..").contains("was -40.0");
        TestAuth.as(Role.PLATFORM).get("/api/v1/jobs/api-negative").then().statusCode(404);
    }

    @Test
    void unknownFieldIsRejectedNamingIt() {
        Map<String, Object> body = job("api-unknown", NOW, NOW.plus(Duration.ofHours(8)));
        body.put("gpuType", "H100");
        String detail = rejected(body, 400);
        assertThat(detail).startsWith("gpuType: unknown field");
        assertThat(detail).doesNotContain("Exception").doesNotContain("com.fasterxml");
        TestAuth.as(Role.PLATFORM).get("/api/v1/jobs/api-unknown").then().statusCode(404);
    }

    @Test
    void duplicateIdIsAConflict() {
        Map<String, Object> body = job("api-twice", NOW, NOW.plus(Duration.ofHours(12)));
        TestAuth.as(Role.PLATFORM).contentType("application/json").body(body).post("/api/v1/jobs").then().statusCode(201);
        assertThat(rejected(body, 409)).contains("api-twice");
    }

    @Test
    void planHasEveryJobStartingInsideItsWindowWithAnExplanation() {
        Instant release = NOW.plus(Duration.ofHours(2));
        Instant deadline = NOW.plus(Duration.ofHours(10));
        TestAuth.as(Role.PLATFORM).contentType("application/json").body(job("api-plan-1", release, deadline)).post("/api/v1/jobs")
                .then().statusCode(201);
        TestAuth.as(Role.PLATFORM).contentType("application/json").body(job("api-plan-2", NOW, NOW.plus(Duration.ofHours(20))))
                .post("/api/v1/jobs").then().statusCode(201);

        JsonPath plan = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> TestAuth.as(Role.PLATFORM).get("/api/v1/plan").then().statusCode(200).extract().jsonPath(),
                        p -> p.getList("jobs.jobId").containsAll(List.of("api-plan-1", "api-plan-2")));

        Map<String, Object> first = plan.getMap("jobs.find { it.jobId == 'api-plan-1' }");
        // Starts are slot starts: release rounded down to its quarter hour is the earliest allowed.
        Instant start = Instant.parse((String) first.get("start"));
        assertThat(start).isAfterOrEqualTo(release.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofMinutes(15)));
        assertThat(Instant.parse((String) first.get("end"))).isBeforeOrEqualTo(deadline);
        assertThat((String) first.get("explanation")).isNotBlank();
        assertThat(plan.getList("slots")).hasSize(96);
        assertThat(plan.getDouble("predicted.pue")).isBetween(1.0, 2.0);
        // The solver status is an enum, shown as its name.
        assertThat(plan.getString("solverStatus")).isIn("OPTIMAL", "FEASIBLE", "HEURISTIC");
        assertThat(plan.getList("checkNotes")).isNotNull();
        // Which inputs the plan used, from the site file's feeds and the meters, and how fresh each was.
        assertThat(plan.getList("inputs.input")).contains("PV", "WIND", "CARBON_LOCATION_BASED", "IMPORT_PRICE", "AMBIENT");
        assertThat(plan.getString("inputs.find { it.input == 'CARBON_LOCATION_BASED' }.source")).contains("feed grid-carbon");
        assertThat(plan.getString("inputs.find { it.input == 'IMPORT_PRICE' }.freshness"))
                .isIn("FRESH", "STALE", "UNAVAILABLE", "NOT_CONFIGURED");
        assertThat(plan.getString("inputHash")).hasSize(64);

        JsonPath job = TestAuth.as(Role.PLATFORM).get("/api/v1/jobs/api-plan-1").then().statusCode(200).extract().jsonPath();
        assertThat(job.getString("planned.start")).isNotNull();
        assertThat(TestAuth.as(Role.PLATFORM).get("/api/v1/plans?limit=5").then().statusCode(200).extract().jsonPath().getList("id"))
                .isNotEmpty();
    }

    @Test
    void historyLimitOutOfRangeAndUnknownPlanAreProblems() {
        TestAuth.as(Role.PLATFORM).get("/api/v1/plans?limit=0").then().statusCode(400).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.startsWith("limit: must be 1..1000"));
        TestAuth.as(Role.PLATFORM).get("/api/v1/plans/999999").then().statusCode(404).contentType("application/problem+json");
    }

    private static String rejected(Map<String, Object> body, int status) {
        Response response = TestAuth.as(Role.PLATFORM).contentType("application/json").body(body).post("/api/v1/jobs");
        response.then().statusCode(status).contentType("application/problem+json");
        return response.jsonPath().getString("detail");
    }

    private static Map<String, Object> job(String id, Instant release, Instant deadline) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("id", id);
        body.put("gpus", 64);
        body.put("totalPowerKw", 60.0);
        body.put("duration", "PT2H");
        body.put("release", release.toString());
        body.put("deadline", deadline.toString());
        return body;
    }
}
