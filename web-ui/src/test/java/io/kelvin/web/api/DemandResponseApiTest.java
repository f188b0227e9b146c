package io.kelvin.web.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.kelvin.core.identity.Role;
import io.kelvin.greenpower.dr.DrFixtures;
import io.kelvin.greenpower.dr.oadr.Event;
import io.kelvin.greenpower.dr.oadr.OadrWriter;
import io.kelvin.greenpower.dr.ven.TestVtn;
import io.kelvin.web.AppReady;
import io.kelvin.web.TempDataDir;
import io.kelvin.web.TestAuth;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Demand response in the running app, against a test VTN on loopback: the VEN polls it, the events'
 * lifecycle is kept in the state database and shown over the API with every transition, an operator opts
 * out with a reason (audited), the VTN's webhook needs the token Kelvin gave it, and /q/health names the
 * VTN's state. Each test uses its own event ids.
 */
@QuarkusTest
@WithTestResource(value = TempDataDir.class, scope = TestResourceScope.GLOBAL)
class DemandResponseApiTest {

    TestVtn vtn;

    @BeforeEach
    void ready() {
        AppReady.awaitReady();
    }

    private static Event cap(String id, Instant version, double kw) {
        Instant start = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.HOURS);
        return DrFixtures.capEvent(id, version.truncatedTo(ChronoUnit.MILLIS), start, 1, kw);
    }

    private static Map<String, Object> awaitEvent(String id, String state) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> event(id), e -> e != null && state.equals(e.get("state")));
    }

    private static Map<String, Object> event(String id) {
        List<Map<String, Object>> events = TestAuth.as(Role.VIEWER).get("/api/v1/dr/events").then().statusCode(200)
                .extract().jsonPath().getList("$");
        return events.stream().filter(e -> id.equals(e.get("id"))).findFirst().orElse(null);
    }

    private static List<Map<String, Object>> audit(String query) {
        return TestAuth.as(Role.AUDITOR).get("/api/v1/audit?" + query).then().statusCode(200).extract().jsonPath()
                .getList("records");
    }

    @Test
    void aPolledEventIsKeptReplannedAndListedWithEveryTransitionAndAudited() {
        vtn.putEvent(cap("ev-app-poll", Instant.now(), 8000));

        Map<String, Object> event = awaitEvent("ev-app-poll", "REPLANNED");

        assertThat(event.get("programId")).isEqualTo("prog-1");
        assertThat(event.get("start")).as("the span placed in time").isNotNull();
        List<Map<String, Object>> transitions = (List<Map<String, Object>>) event.get("transitions");
        assertThat(transitions).extracting(t -> t.get("action"))
                .containsSubsequence("receive", "acknowledge", "opt-in", "re-plan");
        assertThat(transitions).extracting(t -> t.get("outcome")).containsOnly("DONE");
        assertThat(audit("kind=DR_EVENT_CREATED")).anySatisfy(r -> {
            assertThat((String) r.get("target")).startsWith("dr-event ev-app-poll@");
            assertThat(r.get("actor")).isEqualTo("dr-vtn");
            assertThat(r.get("outcome")).isEqualTo("SUCCESS");
        });
        assertThat(audit("kind=DR_EVENT_CHANGED")).anySatisfy(r -> {
            assertThat((String) r.get("target")).startsWith("dr-event ev-app-poll@");
            assertThat((String) r.get("detail")).startsWith("re-plan");
        });
    }

    @jakarta.inject.Inject
    io.kelvin.energyoptimizer.app.PlanningService planning;

    @Test
    void aCapThePlanCannotKeepShowsItsShortfallInTheEventsEntry() {
        // A job that may only run in the event's hour and draws more than the site's PV and wind can give at their
        // rated power (8,192 GPUs at 0.95 kW against 2.5 MW of PV and 5 MW of wind): whatever the weather, a 0 kW
        // import cap and that job cannot both hold, so the plan either imports above the cap or misses the job.
        // Six hours ahead, clear of the other tests' caps, and cancelled after, so later plans do not carry it.
        Instant start = Instant.now().plus(Duration.ofHours(6)).truncatedTo(ChronoUnit.HOURS);
        planning.submit(new io.kelvin.energyoptimizer.api.JobRequest("dr-shortfall-job", 8192, 0.95, null,
                Duration.ofHours(1), start, start.plus(Duration.ofHours(1)), null, false, null));
        try {
            vtn.putEvent(DrFixtures.capEvent("ev-app-short", Instant.now().truncatedTo(ChronoUnit.MILLIS), start, 1, 0));

            Map<String, Object> event = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions().until(() -> event("ev-app-short"), e -> e != null && e.get("shortfall") != null);

            Map<String, Object> shortfall = (Map<String, Object>) event.get("shortfall");
            assertThat(shortfall.get("from")).isEqualTo(event.get("start")).isEqualTo(start.toString());
            double peakKw = ((Number) shortfall.get("peakKw")).doubleValue();
            List<?> missed = (List<?>) shortfall.get("jobsMissed");
            assertThat(peakKw > 0 ? ((Number) shortfall.get("excessKwh")).doubleValue() > 0 : missed.contains("dr-shortfall-job"))
                    .as("above the cap by some kWh, or the job named as missed: %s", shortfall).isTrue();
            assertThat(event.get("state")).as("not re-planned: the plan cannot keep the cap").isNotEqualTo("REPLANNED");
        } finally {
            planning.cancel("dr-shortfall-job");
        }
    }

    @Test
    void anOperatorOptsOutOnlyWithAReasonAndEveryAttemptIsAudited() {
        vtn.putEvent(cap("ev-app-optout", Instant.now(), 7000));
        awaitEvent("ev-app-optout", "REPLANNED");

        TestAuth.as(Role.OPERATOR).contentType("application/json").body("{}")
                .post("/api/v1/dr/events/ev-app-optout/opt-out").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("reason"));
        TestAuth.as(Role.VIEWER).contentType("application/json").body(Map.of("reason", "x"))
                .post("/api/v1/dr/events/ev-app-optout/opt-out").then().statusCode(403);
        TestAuth.as(Role.OPERATOR).contentType("application/json").body(Map.of("reason", "why"))
                .post("/api/v1/dr/events/no-such-event/opt-out").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("no-such-event"));
        assertThat(event("ev-app-optout").get("state")).as("nothing changed").isEqualTo("REPLANNED");

        TestAuth.as(Role.OPERATOR).contentType("application/json").body(Map.of("reason", "chiller maintenance"))
                .post("/api/v1/dr/events/ev-app-optout/opt-out").then().statusCode(200)
                .body("to", equalTo("OPTED_OUT")).body("actor", equalTo(TestAuth.clientId(Role.OPERATOR)));
        Map<String, Object> event = event("ev-app-optout");
        assertThat(event.get("state")).isEqualTo("OPTED_OUT");
        assertThat(event.get("reason")).isEqualTo("chiller maintenance");
        assertThat(event.get("decidedBy")).isEqualTo(TestAuth.clientId(Role.OPERATOR));

        TestAuth.as(Role.OPERATOR).contentType("application/json").body(Map.of("reason", "again"))
                .post("/api/v1/dr/events/ev-app-optout/opt-out").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("opted out"));

        List<Map<String, Object>> records = audit("kind=DR_OPT_OUT&actor=" + TestAuth.clientId(Role.OPERATOR));
        assertThat(records).filteredOn(r -> ((String) r.get("target")).startsWith("dr-event ev-app-optout@"))
                .extracting(r -> r.get("outcome")).contains("SUCCESS", "DENIED");
        assertThat(records).allSatisfy(r -> assertThat(r.get("address")).isEqualTo("127.0.0.1"));
    }

    @Test
    void theVtnsWebhookNeedsTheTokenKelvinGaveItAndItsNotificationsChangeTheEvent() throws Exception {
        Instant v1 = Instant.now().minusSeconds(60);
        vtn.putEvent(cap("ev-app-hook", v1, 9000));
        awaitEvent("ev-app-hook", "REPLANNED");
        assertThat(vtn.subscriptions()).as("Kelvin subscribed with its callback").isNotEmpty();

        given().contentType("application/json").body("{}").post("/openadr/callback").then().statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer not-the-token").contentType("application/json").body("{}")
                .post("/openadr/callback").then().statusCode(401);
        given().get("/openadr/callback?echo=abc123").then().statusCode(200).body(equalTo("abc123"));

        Event updated = cap("ev-app-hook", Instant.now(), 6500);
        List<Integer> statuses = vtn.notify("EVENT", "UPDATE", OadrWriter.event(updated));

        assertThat(statuses).containsOnly(200);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            List<Map<String, Object>> transitions = (List<Map<String, Object>>) event("ev-app-hook").get("transitions");
            return transitions.stream().anyMatch(t -> "SUPERSEDED".equals(t.get("to")));
        });
    }

    @Test
    void healthAndTheDrOverviewNameTheVtnsState() {
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> "connected".equals(
                given().get("/q/health").then().extract().jsonPath()
                        .getString("checks.find { it.name == 'kelvin-demand-response' }.data.vtn")));

        TestAuth.as(Role.VIEWER).get("/api/v1/dr").then().statusCode(200)
                .body("configured", equalTo(true))
                .body("ven.connected", equalTo(true))
                .body("programs.name", org.hamcrest.Matchers.hasItem(DrFixtures.PROGRAM_NAME));
        TestAuth.as(Role.GRID_OPERATOR).get("/api/v1/dr").then().statusCode(403);
    }

    @Test
    void thePerformanceOfAnUnknownEventIs404NamingIt() {
        TestAuth.as(Role.VIEWER).get("/api/v1/dr/events/no-such-event/performance").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("no-such-event"));
        TestAuth.as(Role.GRID_OPERATOR).get("/api/v1/dr/events/no-such-event/performance").then().statusCode(403);
    }

    /*
     * By hand. The grid meter holds a GOOD 5000 kW every minute for the 16 days before the app started (TempDataDir),
     * and the event ran 4 to 3 hours before now (the app under test is younger than that, so the hours around it
     * are the seeded ones), capping the import at 4000 kW. The baseline: 10 weekdays (4 weekend days) at 5000 kW,
     * day-of ratio 5000 / 5000 = 1, so 5000 kW; requested (5000 - 4000) x 1 h = 1000 kWh, delivered
     * (5000 - 5000) x 1 h = 0 kWh, above the cap 1000 kWh, not kept, every step measured.
     */
    @Test
    void aPastEventsPerformanceShowsTheSeededMeterHistoryItsCapAndBaselineAndTheHandCalculatedRows() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(4));
        vtn.putEvent(DrFixtures.capEvent("ev-app-past", Instant.now().truncatedTo(ChronoUnit.MILLIS), start, 1, 4000));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> event("ev-app-past"), e -> e != null);

        Map<String, Object> view = TestAuth.as(Role.AUDITOR).get("/api/v1/dr/events/ev-app-past/performance").then()
                .statusCode(200).extract().jsonPath().getMap("$");

        assertThat(view.get("zone")).isEqualTo("Asia/Shanghai");
        assertThat(Instant.parse((String) view.get("from"))).isEqualTo(start.minus(Duration.ofHours(2)));
        assertThat(Instant.parse((String) view.get("to"))).isEqualTo(start.plus(Duration.ofHours(3)));
        assertThat(view.get("stepMinutes")).isEqualTo(15);
        List<Map<String, Object>> steps = (List<Map<String, Object>>) view.get("steps");
        assertThat(steps).hasSize(20);
        for (Map<String, Object> step : steps) {
            Instant at = Instant.parse((String) step.get("start"));
            boolean during = !at.isBefore(start) && at.isBefore(start.plus(Duration.ofHours(1)));
            assertThat(step.get("capKw")).as("cap at %s", at).isEqualTo(during ? 4000.0f : null);
            if (during) {
                assertThat(((Number) step.get("baselineKw")).doubleValue()).isEqualTo(5000.0);
                assertThat(((Number) step.get("importKw")).doubleValue()).isEqualTo(5000.0);
            } else {
                assertThat(step.get("baselineKw")).isNull();
            }
        }
        Map<String, Object> baseline = (Map<String, Object>) view.get("baseline");
        assertThat(baseline.get("method")).isEqualTo("CAISO 10-in-10");
        assertThat(baseline.get("missing")).isNull();
        assertThat(((List<?>) baseline.get("days")).size()).as("10 weekdays, or 4 weekend days").isIn(4, 10);
        assertThat(((Number) baseline.get("adjustment")).doubleValue()).isEqualTo(1.0);
        List<Map<String, Object>> intervals = (List<Map<String, Object>>) view.get("intervals");
        assertThat(intervals).singleElement().satisfies(i -> {
            assertThat(((Number) i.get("capKw")).doubleValue()).isEqualTo(4000.0);
            assertThat(((Number) i.get("requestedKwh")).doubleValue()).isEqualTo(1000.0);
            assertThat(((Number) i.get("deliveredKwh")).doubleValue()).isEqualTo(0.0);
            assertThat(((Number) i.get("deliveredPercent")).doubleValue()).isEqualTo(0.0);
            assertThat(((Number) i.get("aboveCapKwh")).doubleValue()).isEqualTo(1000.0);
            assertThat(i.get("capKept")).isEqualTo(false);
            assertThat(((Number) i.get("measuredPercent")).doubleValue()).isEqualTo(100.0);
        });
        Map<String, Object> totals = (Map<String, Object>) view.get("totals");
        assertThat(((Number) totals.get("requestedKwh")).doubleValue()).isEqualTo(1000.0);
        assertThat(totals.get("intervalsKept")).isEqualTo(0);
        assertThat(totals.get("intervals")).isEqualTo(1);
    }

    @Test
    void anUpcomingEventsTimelineHasItsCapButNoMeteredStepsYet() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(26));
        vtn.putEvent(DrFixtures.capEvent("ev-app-next", Instant.now().truncatedTo(ChronoUnit.MILLIS), start, 1, 9500));
        awaitEvent("ev-app-next", "REPLANNED");

        Map<String, Object> view = TestAuth.as(Role.VIEWER).get("/api/v1/dr/events/ev-app-next/performance").then()
                .statusCode(200).extract().jsonPath().getMap("$");

        List<Map<String, Object>> steps = (List<Map<String, Object>>) view.get("steps");
        assertThat(steps).hasSize(20).allSatisfy(s -> assertThat(s.get("importKw")).isNull());
        assertThat(steps).filteredOn(s -> s.get("capKw") != null).hasSize(4);
        assertThat((List<Map<String, Object>>) view.get("intervals")).singleElement().satisfies(i -> {
            assertThat(i.get("capKept")).as("not measured yet").isNull();
            assertThat(((Number) i.get("measuredPercent")).doubleValue()).isZero();
        });
    }

    @Test
    void anOperatorOptsBackInWithAReasonOnlyAfterAnOptOutAndEveryAttemptIsAudited() {
        vtn.putEvent(cap("ev-app-optin", Instant.now(), 7200));
        awaitEvent("ev-app-optin", "REPLANNED");

        TestAuth.as(Role.OPERATOR).contentType("application/json").body(Map.of("reason", "changed my mind"))
                .post("/api/v1/dr/events/ev-app-optin/opt-in").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("has not opted out"));
        TestAuth.as(Role.OPERATOR).contentType("application/json").body(Map.of("reason", "chiller maintenance"))
                .post("/api/v1/dr/events/ev-app-optin/opt-out").then().statusCode(200);

        TestAuth.as(Role.OPERATOR).contentType("application/json").body("{\"reason\": \" \"}")
                .post("/api/v1/dr/events/ev-app-optin/opt-in").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("reason"));
        TestAuth.as(Role.OPERATOR).contentType("application/json").body(Map.of("reason", "x".repeat(501)))
                .post("/api/v1/dr/events/ev-app-optin/opt-in").then().statusCode(400)
                .body("detail", containsString("reason: at most 500"));
        TestAuth.as(Role.VIEWER).contentType("application/json").body(Map.of("reason", "x"))
                .post("/api/v1/dr/events/ev-app-optin/opt-in").then().statusCode(403);
        TestAuth.as(Role.OPERATOR).contentType("application/json").body(Map.of("reason", "why"))
                .post("/api/v1/dr/events/no-such-event/opt-in").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("no-such-event"));
        assertThat(event("ev-app-optin").get("state")).as("nothing changed").isEqualTo("OPTED_OUT");

        TestAuth.as(Role.OPERATOR).contentType("application/json").body(Map.of("reason", "maintenance moved"))
                .post("/api/v1/dr/events/ev-app-optin/opt-in").then().statusCode(200)
                .body("from", equalTo("OPTED_OUT")).body("to", equalTo("OPTED_IN"))
                .body("actor", equalTo(TestAuth.clientId(Role.OPERATOR)));
        Map<String, Object> event = awaitEvent("ev-app-optin", "REPLANNED");
        assertThat(event.get("reason")).isEqualTo("maintenance moved");
        List<Map<String, Object>> transitions = (List<Map<String, Object>>) event.get("transitions");
        assertThat(transitions).extracting(t -> t.get("action")).containsSubsequence("opt-out", "opt-back-in", "re-plan");

        List<Map<String, Object>> records = audit("kind=DR_OPT_IN&actor=" + TestAuth.clientId(Role.OPERATOR));
        assertThat(records).filteredOn(r -> ((String) r.get("target")).startsWith("dr-event ev-app-optin@"))
                .extracting(r -> r.get("outcome")).contains("SUCCESS", "DENIED");
        assertThat(records).filteredOn(r -> "SUCCESS".equals(r.get("outcome"))).anySatisfy(r -> {
            assertThat((String) r.get("detail")).contains("maintenance moved");
            assertThat(r.get("address")).isEqualTo("127.0.0.1");
        });
    }

    @Test
    void optingBackIntoAnEventThatIsOverIsRefused() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(6));
        vtn.putEvent(DrFixtures.capEvent("ev-app-over", Instant.now().truncatedTo(ChronoUnit.MILLIS), start, 1, 8000));
        awaitEvent("ev-app-over", "COMPLETED");

        TestAuth.as(Role.OPERATOR).contentType("application/json").body(Map.of("reason", "too late"))
                .post("/api/v1/dr/events/ev-app-over/opt-in").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("completed"));
    }
}
