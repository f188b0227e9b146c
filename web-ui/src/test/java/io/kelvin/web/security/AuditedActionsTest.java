package io.kelvin.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.kelvin.core.identity.Role;
import io.kelvin.web.AppReady;
import io.kelvin.web.TempDataDir;
import io.kelvin.web.TestAuth;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Changes made over the API land in the audit trail with who, what, target, address and outcome. */
@QuarkusTest
@WithTestResource(value = TempDataDir.class, scope = TestResourceScope.GLOBAL)
class AuditedActionsTest {

    @Test
    void jobSubmitAndCancelAreAuditedWithTheirClientsAndACancelledJobIsNotPlanned() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> job = Map.of("id", "audited-job", "gpus", 8, "totalPowerKw", 6.0, "duration", "PT1H",
                "release", now.toString(), "deadline", now.plus(Duration.ofHours(10)).toString());
        TestAuth.as(Role.PLATFORM).contentType("application/json").body(job).post("/api/v1/jobs").then().statusCode(201);
        TestAuth.as(Role.VIEWER).delete("/api/v1/jobs/audited-job").then().statusCode(403);

        TestAuth.as(Role.OPERATOR).delete("/api/v1/jobs/audited-job").then().statusCode(200)
                .body("state", equalTo("CANCELLED"));
        TestAuth.as(Role.OPERATOR).delete("/api/v1/jobs/audited-job").then().statusCode(409)
                .contentType("application/problem+json");

        List<Map<String, Object>> records = records("kind=JOB_SUBMITTED&actor=" + TestAuth.clientId(Role.PLATFORM));
        assertThat(records).anySatisfy(r -> {
            assertThat(r.get("target")).isEqualTo("audited-job");
            assertThat(r.get("actorKind")).isEqualTo("CLIENT");
            assertThat(r.get("address")).isEqualTo("127.0.0.1");
            assertThat(r.get("outcome")).isEqualTo("SUCCESS");
        });
        assertThat(records("kind=JOB_CANCELLED&actor=" + TestAuth.clientId(Role.OPERATOR)))
                .extracting(r -> r.get("outcome")).contains("SUCCESS", "DENIED");
        // The next plan (made for a job submitted after the cancel) no longer places the cancelled one.
        Map<String, Object> later = new java.util.HashMap<>(job);
        later.put("id", "after-cancel");
        TestAuth.as(Role.PLATFORM).contentType("application/json").body(later).post("/api/v1/jobs").then().statusCode(201);
        List<String> planned = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                .until(() -> TestAuth.as(Role.PLATFORM).get("/api/v1/plan").then().statusCode(200).extract().jsonPath()
                        .getList("jobs.jobId", String.class), ids -> ids.contains("after-cancel"));
        assertThat(planned).doesNotContain("audited-job");
    }

    @Test
    void setpointWriteIsAuditedWithValueBeforeRequestedAndReadBack() {
        AppReady.awaitReady();
        String point = "cdu-02.supply_temp_setpoint_c";
        TestAuth.as(Role.VIEWER).contentType("application/json").body(Map.of("value", 31.0))
                .put("/api/v1/setpoints/" + point).then().statusCode(403);
        TestAuth.as(Role.OPERATOR).contentType("application/json").body(Map.of("value", 31.0))
                .put("/api/v1/setpoints/" + point).then().statusCode(200).body("readBack", equalTo(31.0f));
        // demo profile acme-cdu-600: supply_temp_setpoint_c limits 20..45 degC.
        TestAuth.as(Role.OPERATOR).contentType("application/json").body(Map.of("value", 99.0))
                .put("/api/v1/setpoints/" + point).then().statusCode(400).contentType("application/problem+json");

        List<Map<String, Object>> writes = records("kind=SETPOINT_WRITTEN&actor=" + TestAuth.clientId(Role.OPERATOR));
        assertThat(writes).anySatisfy(r -> {
            assertThat(r.get("target")).isEqualTo(point);
            assertThat((String) r.get("detail")).contains("requested=31.0").contains("readBack=31.0").contains("before=");
            assertThat(r.get("outcome")).isEqualTo("SUCCESS");
        });
        assertThat(writes).anySatisfy(r -> assertThat(r.get("outcome")).isEqualTo("DENIED"));
    }

    @Test
    void adminManagesUsersAndClientsAndTheNewClientGetsATokenAndTheChangesAreAudited() {
        JsonPath user = TestAuth.as(Role.ADMIN).contentType("application/json")
                .body(Map.of("username", "new-auditor", "roles", List.of("AUDITOR"))).post("/api/v1/admin/users")
                .then().statusCode(201).extract().jsonPath();
        assertThat(user.getString("oneTimePassword")).hasSize(20);
        assertThat(user.getBoolean("user.mustChangePassword")).isTrue();
        TestAuth.as(Role.ADMIN).contentType("application/json")
                .body(Map.of("username", "new-auditor", "roles", List.of("AUDITOR"))).post("/api/v1/admin/users")
                .then().statusCode(409).body("detail", startsWith("username:"));
        TestAuth.as(Role.AUDITOR).get("/api/v1/admin/users").then().statusCode(403);

        String secret = TestAuth.as(Role.ADMIN).contentType("application/json")
                .body(Map.of("clientId", "vtn-test", "role", "GRID_OPERATOR", "scopes", List.of("read_all")))
                .post("/api/v1/admin/clients").then().statusCode(201).extract().path("clientSecret");
        io.restassured.RestAssured.given().auth().preemptive().basic("vtn-test", secret)
                .formParam("grant_type", "client_credentials").post("/oauth/token").then().statusCode(200)
                .body("scope", equalTo("read_all"));
        TestAuth.as(Role.ADMIN).post("/api/v1/admin/clients/vtn-test/disable").then().statusCode(200)
                .body("enabled", equalTo(false));

        assertThat(records("kind=USER_CREATED&actor=" + TestAuth.clientId(Role.ADMIN)))
                .extracting(r -> r.get("target")).contains("new-auditor");
        assertThat(records("kind=CLIENT_DISABLED")).extracting(r -> r.get("target")).contains("vtn-test");
    }

    @Test
    void auditTrailIsPagedNewestFirstAndClosedToOtherRoles() {
        JsonPath page = TestAuth.as(Role.AUDITOR).get("/api/v1/audit?limit=2").then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("records")).hasSize(2);
        assertThat(page.getLong("records[0].seq")).isGreaterThan(page.getLong("records[1].seq"));
        assertThat(page.getLong("total")).isGreaterThanOrEqualTo(2);
        TestAuth.as(Role.ADMIN).get("/api/v1/audit?limit=1").then().statusCode(200);
        TestAuth.as(Role.VIEWER).get("/api/v1/audit").then().statusCode(403);
        TestAuth.as(Role.AUDITOR).get("/api/v1/audit?kind=NOT_A_KIND").then().statusCode(400)
                .body("detail", startsWith("kind:"));
    }

    private static List<Map<String, Object>> records(String query) {
        return TestAuth.as(Role.AUDITOR).get("/api/v1/audit?limit=200&" + query).then().statusCode(200).extract()
                .jsonPath().getList("records");
    }
}
