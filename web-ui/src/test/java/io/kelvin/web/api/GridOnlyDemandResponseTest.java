package io.kelvin.web.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.kelvin.core.dr.EventRef;
import io.kelvin.core.dr.GuardAction;
import io.kelvin.core.dr.GuardLog;
import io.kelvin.core.identity.Role;
import io.kelvin.greenpower.dr.DrFixtures;
import io.kelvin.web.AppReady;
import io.kelvin.web.GridApiOnly;
import io.kelvin.web.TempDataDir;
import io.kelvin.web.TestAuth;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A site whose {@code demandResponse:} section names no VTN, only Kelvin's grid API: no VEN client runs,
 * health and the DR overview say so, and a GRID_OPERATOR's program and event drive the lifecycle to a re-plan
 * with the grid client named as the event's source; the cap guard's actions for an event show in the event and in
 * the audit trail.
 */
@QuarkusTest
@TestProfile(GridApiOnly.class)
@WithTestResource(value = TempDataDir.class, scope = TestResourceScope.GLOBAL)
class GridOnlyDemandResponseTest {

    @Inject
    GuardLog guardLog;

    @Inject
    io.kelvin.energyoptimizer.app.PlanningService planning;

    @BeforeEach
    void ready() {
        AppReady.awaitReady();
    }

    @Test
    void healthAndTheDrOverviewSayNoVtnIsConfiguredAndTheGridApiIsOn() {
        JsonPath health = given().get("/q/health").then().extract().jsonPath();
        assertThat(health.getString("checks.find { it.name == 'kelvin-demand-response' }.status")).isEqualTo("UP");
        assertThat(health.getString("checks.find { it.name == 'kelvin-demand-response' }.data.vtn"))
                .isEqualTo("no VTN configured");
        assertThat(health.getString("checks.find { it.name == 'kelvin-demand-response' }.data.sources"))
                .isEqualTo("no VTN configured, grid API on");

        TestAuth.as(Role.VIEWER).get("/api/v1/dr").then().statusCode(200)
                .body("configured", equalTo(true))
                .body("sources", equalTo("no VTN configured, grid API on"))
                .body("vtnUrl", nullValue())
                .body("ven", nullValue());
    }

    @Test
    void aGridOperatorsProgramAndEventReachReplannedByAStoredPlanWithTheGridClientAsItsSource() {
        String grid = GridApiResource.BASE;
        String programId = program();
        Instant start = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.HOURS);
        String eventId = TestAuth.as(Role.GRID_OPERATOR).contentType("application/json").body("""
                {"programID": "%s", "eventName": "grid-only cut", "priority": 0,
                 "intervalPeriod": {"start": "%s", "duration": "PT1H"},
                 "intervals": [{"id": 0, "payloads": [{"type": "IMPORT_CAPACITY_LIMIT", "values": [8000]}]}]}"""
                .formatted(programId, start)).post(grid + "/events").then().statusCode(201).extract().path("id");

        Map<String, Object> event = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> drEvent(eventId), e -> e != null && "REPLANNED".equals(e.get("state")));

        List<Map<String, Object>> transitions = (List<Map<String, Object>>) event.get("transitions");
        assertThat(transitions).extracting(t -> t.get("action")).containsSubsequence("receive", "acknowledge", "opt-in", "re-plan");
        String source = "grid:" + TestAuth.clientId(Role.GRID_OPERATOR);
        assertThat(transitions.getFirst().get("actor")).isEqualTo(source);
        TestAuth.as(Role.VIEWER).get("/api/v1/dr").then().statusCode(200).body("programs.id", hasItem(programId));
        // No job is open on this site: the site's own load is planned against the cap all the same.
        String detail = transitions.stream().filter(t -> "re-plan".equals(t.get("action"))
                && "REPLANNED".equals(t.get("to"))).map(t -> String.valueOf(t.get("detail"))).findFirst().orElseThrow();
        assertThat(detail).matches("plan [1-9][0-9]* keeps the caps .*");
        TestAuth.as(Role.VIEWER).get("/api/v1/plans/" + detail.split(" ")[1]).then().statusCode(200)
                .body("jobs", org.hamcrest.Matchers.empty());

        List<Map<String, Object>> created = TestAuth.as(Role.AUDITOR)
                .get("/api/v1/audit?kind=DR_EVENT_CREATED&actor=" + TestAuth.clientId(Role.GRID_OPERATOR))
                .then().statusCode(200).extract().jsonPath().getList("records");
        assertThat(created).filteredOn(r -> String.valueOf(r.get("target")).startsWith("dr-event " + eventId + "@"))
                .singleElement().satisfies(r -> assertThat(r.get("address")).isEqualTo("grid-api"));
    }

    @Test
    void aCapGuardActionForAnEventShowsInTheEventWithItsJobsMeterAndCapAndInTheAuditTrailAsTheCapGuard() {
        String grid = GridApiResource.BASE;
        String programId = program();
        Instant start = Instant.now().plus(Duration.ofHours(5)).truncatedTo(ChronoUnit.HOURS);
        String eventId = TestAuth.as(Role.GRID_OPERATOR).contentType("application/json").body("""
                {"programID": "%s", "eventName": "guarded cut", "priority": 0,
                 "intervalPeriod": {"start": "%s", "duration": "PT1H"},
                 "intervals": [{"id": 0, "payloads": [{"type": "IMPORT_CAPACITY_LIMIT", "values": [7000]}]}]}"""
                .formatted(programId, start)).post(grid + "/events").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> drEvent(eventId), e -> e != null);

        // What the app's cap guard keeps when it pauses a job for the event (CapGuardTest: when it does so).
        Instant at = start.plusSeconds(42);
        guardLog.record(new GuardAction(at, GuardAction.Kind.PAUSED, List.of(new EventRef(programId, eventId, start)),
                List.of(new GuardAction.JobKw("train-guarded", 412.4)), OptionalDouble.of(6912), OptionalDouble.of(7000)));

        List<Map<String, Object>> actions = (List<Map<String, Object>>) drEvent(eventId).get("guardActions");
        assertThat(actions).singleElement().satisfies(a -> {
            assertThat(a.get("action")).isEqualTo("PAUSED");
            assertThat(Instant.parse((String) a.get("at"))).isEqualTo(at);
            assertThat((List<Map<String, Object>>) a.get("jobs")).singleElement().satisfies(j -> {
                assertThat(j.get("jobId")).isEqualTo("train-guarded");
                assertThat(((Number) j.get("kw")).doubleValue()).isCloseTo(412.4, within(1e-3));
            });
            assertThat(((Number) a.get("meteredKw")).doubleValue()).isEqualTo(6912);
            assertThat(((Number) a.get("capKw")).doubleValue()).isEqualTo(7000);
            assertThat(a.get("events")).isEqualTo(List.of(eventId));
        });

        List<Map<String, Object>> records = TestAuth.as(Role.AUDITOR).get("/api/v1/audit?kind=DR_GUARD_ACTED&actor=cap-guard")
                .then().statusCode(200).extract().jsonPath().getList("records");
        assertThat(records).filteredOn(r -> String.valueOf(r.get("target")).startsWith("dr-event " + eventId + "@"))
                .singleElement().satisfies(r -> {
                    assertThat(r.get("actorKind")).isEqualTo("SYSTEM");
                    assertThat(r.get("detail")).isEqualTo("paused train-guarded 412 kW; meter 6912 kW, cap 7000 kW");
                });
    }

    @Test
    void withNoJobOpenAZeroKwCapIsAProvenShortfallOfAStoredPlanUnlessPvAndWindCoverTheSite() {
        String grid = GridApiResource.BASE;
        String programId = program();
        Instant start = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.HOURS);
        // 0 kW and no job to pause: the site's own load (idle cluster, cooling) is above it unless PV and wind
        // cover the whole site, which the demo's 5 MW of wind can do; the plan's import in the hour decides.
        String eventId = TestAuth.as(Role.GRID_OPERATOR).contentType("application/json").body("""
                {"programID": "%s", "eventName": "zero cut", "priority": 0,
                 "intervalPeriod": {"start": "%s", "duration": "PT1H"},
                 "intervals": [{"id": 0, "payloads": [{"type": "IMPORT_CAPACITY_LIMIT", "values": [0]}]}]}"""
                .formatted(programId, start)).post(grid + "/events").then().statusCode(201).extract().path("id");

        Map<String, Object> event = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> drEvent(eventId), e -> e != null
                        && (e.get("shortfall") != null || "REPLANNED".equals(e.get("state"))));

        Map<String, Object> shortfall = (Map<String, Object>) event.get("shortfall");
        if (shortfall != null) {
            assertThat(((Number) shortfall.get("peakKw")).doubleValue()).isPositive();
            assertThat(((Number) shortfall.get("excessKwh")).doubleValue()).isPositive();
            assertThat(shortfall.get("jobsMissed")).isEqualTo(List.of());
            assertThat(shortfall.get("proven")).isEqualTo(true);
        } else {
            // Kept: then the plan it names imports nothing in the hour, PV and wind covering the whole site.
            List<Map<String, Object>> transitions = (List<Map<String, Object>>) event.get("transitions");
            String detail = transitions.stream().filter(t -> "re-plan".equals(t.get("action")))
                    .map(t -> String.valueOf(t.get("detail"))).reduce((first, last) -> last).orElseThrow();
            assertThat(detail).matches("plan [1-9][0-9]* keeps the caps .*");
            var plan = planning.plan(Long.parseLong(detail.split(" ")[1]));
            assertThat(plan.jobs()).isEmpty();
            assertThat(plan.slots().stream()
                    .filter(sl -> !sl.start().isBefore(start) && sl.start().isBefore(start.plus(Duration.ofHours(1))))
                    .mapToDouble(io.kelvin.core.plan.PlannedSlot::gridImportKw).max().orElseThrow()).isLessThan(1e-6);
        }
        assertThat(TestAuth.as(Role.VIEWER).get("/api/v1/dr").then().statusCode(200).extract().jsonPath()
                .getLong("lastReplan.planId")).isPositive();
    }

    /** The site's program ({@link DrFixtures#PROGRAM_NAME}), created by the first test that needs it. */
    private static synchronized String program() {
        String grid = GridApiResource.BASE;
        List<Map<String, Object>> programs = TestAuth.as(Role.GRID_OPERATOR).get(grid + "/programs").then()
                .statusCode(200).extract().jsonPath().getList("$");
        return programs.stream().filter(p -> DrFixtures.PROGRAM_NAME.equals(p.get("programName")))
                .map(p -> String.valueOf(p.get("id"))).findFirst()
                .orElseGet(() -> TestAuth.as(Role.GRID_OPERATOR).contentType("application/json").body("""
                        {"programName": "%s", "payloadDescriptors": [{"objectType": "EVENT_PAYLOAD_DESCRIPTOR",
                         "payloadType": "IMPORT_CAPACITY_LIMIT", "units": "KW"}]}""".formatted(DrFixtures.PROGRAM_NAME))
                        .post(grid + "/programs").then().statusCode(201).extract().path("id"));
    }

    private static Map<String, Object> drEvent(String id) {
        List<Map<String, Object>> events = TestAuth.as(Role.VIEWER).get("/api/v1/dr/events").then().statusCode(200)
                .extract().jsonPath().getList("$");
        return events.stream().filter(e -> id.equals(e.get("id"))).findFirst().orElse(null);
    }
}
