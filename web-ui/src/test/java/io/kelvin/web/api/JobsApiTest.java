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
