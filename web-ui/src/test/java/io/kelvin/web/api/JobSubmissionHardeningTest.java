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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every hostile job body from the field reports is refused with a 400 problem naming the field, stores
 * nothing, and leaves the job list and planning working.
 */
@QuarkusTest
@WithTestResource(value = TempDataDir.class, scope = TestResourceScope.GLOBAL)
class JobSubmissionHardeningTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final String RELEASE = NOW.toString();
    private static final String DEADLINE = NOW.plus(Duration.ofHours(12)).toString();

    /** A valid body with one field's JSON text replaced ({@code null} leaves the field out). */
    private static String body(String id, String field, String json) {
        StringBuilder b = new StringBuilder("{");
        String[][] fields = {{"id", "\"" + id + "\""}, {"gpus", "8"}, {"totalPowerKw", "8.0"}, {"duration", "\"PT1H\""},
            {"release", "\"" + RELEASE + "\""}, {"deadline", "\"" + DEADLINE + "\""}};
        for (String[] f : fields) {
            String value = f[0].equals(field) ? json : f[1];
            if (value != null) {
                b.append(b.length() > 1 ? "," : "").append('"').append(f[0]).append("\":").append(value);
            }
        }
        return b.append('}').toString();
    }

    static Stream<Arguments> hostileBodies() {
        return Stream.of(
                Arguments.of("half-second-duration", body("h-1", "duration", "\"PT0.5S\""), "duration:"),
                Arguments.of("infinite-power-as-text", body("h-2", "totalPowerKw", "\"Infinity\""), "totalPowerKw:"),
                Arguments.of("power-1e308", body("h-3", "totalPowerKw", "1e308"), "totalPowerKw:"),
                Arguments.of("deadline-in-year-100000", body("h-4", "deadline", "\"+100000-01-01T00:00:00Z\""), "deadline:"),
                Arguments.of("release-in-year-minus-1e9", body("h-5", "release", "\"-1000000000-01-01T00:00:00Z\""),
                        "release:"),
                Arguments.of("fractional-gpus", body("h-6", "gpus", "1.5"), "gpus:"),
                Arguments.of("trailing-garbage", body("h-7", null, null) + "xyz", "body:"),
                Arguments.of("second-object-after-the-first", body("h-8", null, null) + "{}", "body:"),
                Arguments.of("duplicate-key", body("h-9", null, null).replace("\"gpus\":8", "\"gpus\":8,\"gpus\":9"),
                        "gpus:"),
                Arguments.of("null-body", "null", "body:"),
                Arguments.of("id-over-200-characters", body("x".repeat(201), null, null), "id:"),
                Arguments.of("5000-deep-object-as-a-field", body("h-12", "id", "{\"a\":".repeat(5000) + "1"
                        + "}".repeat(5000)), "id:"),
                Arguments.of("5000-deep-array", "[".repeat(5000) + "]".repeat(5000), "body:"),
                Arguments.of("5000-deep-unknown-field", "{\"deep\":" + "{\"a\":".repeat(5000) + "1" + "}".repeat(5001),
                        "body:"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileBodies")
    void aHostileJobBodyIsABadRequestNamingTheFieldAndStoresNothing(String name, String body, String field) {
        int before = jobIds().size();

        Response response = TestAuth.as(Role.PLATFORM).contentType("application/json").body(body).post("/api/v1/jobs");

        response.then().statusCode(400).contentType("application/problem+json");
        assertThat(response.jsonPath().getString("detail")).startsWith(field).doesNotContain("Exception")
                .doesNotContain("com.fasterxml");
        assertThat(jobIds()).hasSize(before);
    }

    @Test
    void aValidJobIsStillAcceptedAndPlannedAfterHostileBodies() {
        hostileBodies().forEach(a -> TestAuth.as(Role.PLATFORM).contentType("application/json")
                .body((String) a.get()[1]).post("/api/v1/jobs").then().statusCode(400));
        TestAuth.as(Role.PLATFORM).contentType("application/json").body(body("h-valid", null, null)).post("/api/v1/jobs")
                .then().statusCode(201);

        JsonPath plan = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> TestAuth.as(Role.PLATFORM).get("/api/v1/plan").then().statusCode(200).extract().jsonPath(),
                        p -> p.getList("jobs.jobId").contains("h-valid"));
        assertThat(plan.getString("inputHash")).hasSize(64);
        assertThat(jobIds()).contains("h-valid").noneMatch(id -> id.startsWith("h-") && !id.equals("h-valid"));
    }

    private static List<String> jobIds() {
        return TestAuth.as(Role.PLATFORM).get("/api/v1/jobs").then().statusCode(200).extract().jsonPath().getList("id");
    }
}
