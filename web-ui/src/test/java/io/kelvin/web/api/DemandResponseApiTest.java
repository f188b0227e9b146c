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
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        planning.submit(new io.kelvin.energyoptimizer.api.JobRequest("dr-shortfall-job", 64, null, 64.0,
                Duration.ofHours(1), now, now.plus(Duration.ofHours(12)), null, false, null));
        // 0 kW: the idle cluster alone imports more than the PV can cover, so no plan keeps it.
        vtn.putEvent(cap("ev-app-short", Instant.now(), 0));

        Map<String, Object> event = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> event("ev-app-short"), e -> e != null && e.get("shortfall") != null);

        Map<String, Object> shortfall = (Map<String, Object>) event.get("shortfall");
        assertThat(((Number) shortfall.get("peakKw")).doubleValue()).isPositive();
        assertThat(((Number) shortfall.get("excessKwh")).doubleValue()).isPositive();
        assertThat(shortfall.get("jobsMissed")).isInstanceOf(List.class);
        assertThat(shortfall.get("from")).isEqualTo(event.get("start"));
        assertThat(event.get("state")).as("not re-planned: the plan cannot keep the cap").isNotEqualTo("REPLANNED");
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
}
