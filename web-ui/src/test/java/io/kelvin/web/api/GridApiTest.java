package io.kelvin.web.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.sun.net.httpserver.HttpServer;
import io.kelvin.core.identity.Actor;
import io.kelvin.core.identity.Role;
import io.kelvin.energyoptimizer.api.JobRequest;
import io.kelvin.energyoptimizer.app.PlanningService;
import io.kelvin.greenpower.dr.ven.ReportBuilder;
import io.kelvin.identity.Clients;
import io.kelvin.testkit.FreePorts;
import io.kelvin.testkit.InteropPeers;
import io.kelvin.testkit.PeerProcess;
import io.kelvin.web.AppReady;
import io.kelvin.web.TempDataDir;
import io.kelvin.web.TestAuth;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.Filter;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Kelvin's own OpenADR 3.1 grid API in the running app, called by a GRID_OPERATOR client through
 * {@code prism proxy --errors} with the unmodified OpenADR 3.1 document, so every request the test sends
 * and every answer Kelvin gives is validated against the spec (a violation turns into an error the test
 * sees). Bad bodies are sent straight to Kelvin (Prism would refuse them itself, and the test checks that
 * it does). One Prism for the class; the program is made once, each test uses its own events.
 */
@QuarkusTest
@WithTestResource(value = TempDataDir.class, scope = TestResourceScope.GLOBAL)
class GridApiTest {

    private static final Path SPEC = Path.of("..", "specs", "openadr3", "3.1.0", "openadr3.yaml").toAbsolutePath()
            .normalize();
    private static final String BASE = GridApiResource.BASE;
    private static PeerProcess prism;
    private static String proxied;
    private static String programId;

    @Inject
    Clients clients;

    @Inject
    PlanningService planning;

    @BeforeEach
    void ready() {
        AppReady.awaitReady();
        if (prism == null) {
            int port = FreePorts.loopback();
            int app = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
            prism = InteropPeers.prismProxy(port, SPEC, "http://127.0.0.1:" + app + BASE);
            proxied = "http://127.0.0.1:" + port;
        }
        if (programId == null) {
            programId = viaPrism().contentType("application/json").body("""
                    {"programName": "CPP-2026", "payloadDescriptors": [{"objectType": "EVENT_PAYLOAD_DESCRIPTOR",
                     "payloadType": "IMPORT_CAPACITY_LIMIT", "units": "KW"}]}""")
                    .post("/programs").then().statusCode(201).body("objectType", equalTo("PROGRAM"))
                    .body("programName", equalTo("CPP-2026")).extract().path("id");
        }
    }

    @AfterAll
    static void stop() {
        if (prism != null) {
            prism.close();
            prism = null;
        }
    }

    /**
     * Prism marks each request or response that breaks the document in an {@code sl-violations} header
     * (warnings included); with {@code --errors} an error-level one also becomes Prism's own 422 or 500.
     */
    private static final Filter NO_VIOLATIONS = (request, response, context) -> {
        Response answer = context.next(request, response);
        assertThat(answer.getHeader("sl-violations")).as("Prism's violations of %s %s", request.getMethod(),
                request.getURI()).isNull();
        return answer;
    };

    /** A GRID_OPERATOR request through the validating proxy, which must find nothing to object to. */
    private static RequestSpecification viaPrism() {
        return given().baseUri(proxied).filter(NO_VIOLATIONS).auth().oauth2(TestAuth.token(Role.GRID_OPERATOR));
    }

    /** A request straight to Kelvin. */
    private static RequestSpecification direct(Role role) {
        return TestAuth.as(role).basePath(BASE);
    }

    private static String capEvent(String name, double kw) {
        Instant start = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.HOURS);
        return """
                {"programID": "%s", "eventName": "%s", "priority": 0,
                 "intervalPeriod": {"start": "%s", "duration": "PT1H"},
                 "reportDescriptors": [{"payloadType": "USAGE", "units": "KWH"}],
                 "intervals": [{"id": 0, "payloads": [{"type": "IMPORT_CAPACITY_LIMIT", "values": [%s]}]}]}"""
                .formatted(programId, name, start, kw);
    }

    private static Map<String, Object> drEvent(String id) {
        List<Map<String, Object>> events = TestAuth.as(Role.VIEWER).get("/api/v1/dr/events").then().statusCode(200)
                .extract().jsonPath().getList("$");
        return events.stream().filter(e -> id.equals(e.get("id"))).findFirst().orElse(null);
    }

    private static Map<String, Object> awaitDrEvent(String id, String state) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> drEvent(id), e -> e != null && state.equals(e.get("state")));
    }

    private static List<Map<String, Object>> audit(String query) {
        return TestAuth.as(Role.AUDITOR).get("/api/v1/audit?" + query).then().statusCode(200).extract().jsonPath()
                .getList("records");
    }

    @Test
    void aGridOperatorsEventGoesThroughTheSameLifecycleAsAVtnsIsShownAndAudited() {
        JsonPath created = viaPrism().contentType("application/json").body(capEvent("grid peak cut", 8000))
                .post("/events").then().statusCode(201).body("objectType", equalTo("EVENT"))
                .body("programID", equalTo(programId)).extract().jsonPath();
        String id = created.getString("id");
        assertThat(created.getString("createdDateTime")).isEqualTo(created.getString("modificationDateTime"));

        Map<String, Object> event = awaitDrEvent(id, "REPLANNED");
        TestAuth.as(Role.VIEWER).get("/api/v1/dr").then().statusCode(200)
                .body("programs.id", org.hamcrest.Matchers.hasItem(programId));
        assertThat(event.get("programId")).isEqualTo(programId);
        assertThat((List<Map<String, Object>>) event.get("transitions")).extracting(t -> t.get("action"))
                .containsSubsequence("receive", "acknowledge", "opt-in", "re-plan");
        viaPrism().get("/events/" + id).then().statusCode(200).body("eventName", equalTo("grid peak cut"));
        List<String> listed = viaPrism().queryParam("programID", programId).queryParam("skip", 0).queryParam("limit", 50)
                .get("/events").then().statusCode(200).extract().jsonPath().getList("id");
        assertThat(listed).contains(id);

        viaPrism().contentType("application/json").body(capEvent("grid peak cut", 6500)).put("/events/" + id)
                .then().statusCode(200).body("createdDateTime", equalTo(created.getString("createdDateTime")));
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                ((List<Map<String, Object>>) drEvent(id).get("transitions")).stream()
                        .anyMatch(t -> "SUPERSEDED".equals(t.get("to"))));

        viaPrism().delete("/events/" + id).then().statusCode(200).body("id", equalTo(id));
        awaitDrEvent(id, "CANCELLED");
        viaPrism().get("/events/" + id).then().statusCode(404);

        List<Map<String, Object>> records = audit("kind=DR_GRID_API_CHANGED&actor=" + TestAuth.clientId(Role.GRID_OPERATOR));
        assertThat(records).filteredOn(r -> ("event " + id).equals(r.get("target")))
                .extracting(r -> ((String) r.get("detail")).split(":")[0])
                .contains("POST events", "PUT event", "DELETE event");
        assertThat(records).allSatisfy(r -> assertThat(r.get("address")).isEqualTo("127.0.0.1"));
        assertThat(records).filteredOn(r -> ("event " + id).equals(r.get("target")))
                .extracting(r -> r.get("outcome")).containsOnly("SUCCESS");
    }

    @Test
    void aBadBodyIs400ProblemJsonNamingTheFieldAndNothingIsKept() {
        int before = viaPrism().get("/events").then().statusCode(200).extract().jsonPath().getList("$").size();
        String bad = """
                {"programID": "%s", "priority": -1, "duration": "one hour",
                 "intervals": [{"id": 0, "payloads": [{"type": "IMPORT_CAPACITY_LIMIT", "values": [5]}]}]}"""
                .formatted(programId);

        direct(Role.GRID_OPERATOR).contentType("application/json").body(bad).post("/events").then().statusCode(400)
                .contentType("application/problem+json").body("status", equalTo(400))
                .body("detail", containsString("priority:")).body("detail", containsString("duration:"));
        direct(Role.GRID_OPERATOR).contentType("application/json").body("{\"objectOperations\": []}")
                .post("/subscriptions").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("clientName:"));
        direct(Role.GRID_OPERATOR).contentType("application/json").body("{\"programName\": \"\"}")
                .post("/programs").then().statusCode(400).body("detail", startsWith("programName:"));
        direct(Role.GRID_OPERATOR).get("/events?limit=51").then().statusCode(400).body("detail", startsWith("limit:"));
        direct(Role.GRID_OPERATOR).get("/events/not%20an%20id").then().statusCode(400)
                .body("detail", startsWith("eventID:"));
        // The spec itself refuses the body: Prism answers 422 naming the violation, without passing it on.
        given().baseUri(proxied).auth().oauth2(TestAuth.token(Role.GRID_OPERATOR)).contentType("application/json")
                .body(bad).post("/events").then().statusCode(422).body(containsString("priority"));

        assertThat(viaPrism().get("/events").then().statusCode(200).extract().jsonPath().getList("$")).hasSize(before);
        assertThat(audit("kind=DR_GRID_API_CHANGED&outcome=DENIED&actor=" + TestAuth.clientId(Role.GRID_OPERATOR)))
                .anySatisfy(r -> assertThat((String) r.get("detail")).contains("priority:"));
    }

    @Test
    void otherRolesAndTokensWithoutTheSpecsScopeGet403() {
        for (Role role : List.of(Role.VIEWER, Role.OPERATOR, Role.ADMIN, Role.PLATFORM)) {
            direct(role).get("/events").then().statusCode(403).contentType("application/problem+json");
            direct(role).contentType("application/json").body(capEvent("x", 1)).post("/events").then().statusCode(403);
        }
        String clientId = "grid-read-only";
        String secret = clients.find(clientId).isPresent()
                ? clients.rotate(clientId, Actor.system("test"), "-").secret()
                : clients.add(clientId, Role.GRID_OPERATOR, Set.of("read_all"), Actor.system("test"), "-").secret();
        String token = given().auth().preemptive().basic(clientId, secret).formParam("grant_type", "client_credentials")
                .post("/oauth/token").then().statusCode(200).extract().path("access_token");

        given().baseUri(proxied).filter(NO_VIOLATIONS).auth().oauth2(token).get("/programs").then().statusCode(200);
        given().auth().oauth2(token).basePath(BASE).contentType("application/json").body(capEvent("x", 1))
                .post("/events").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("write_events"));
    }

    @Test
    void aSubscribersWebhookOnLoopbackGetsTheNotificationAndReportsAreListedByEvent() throws IOException {
        List<String> bodies = new CopyOnWriteArrayList<>();
        List<String> auth = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/grid-hook", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            auth.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String callback = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/grid-hook";
            String subscription = viaPrism().contentType("application/json").body("""
                    {"clientName": "grid-ops", "programID": "%s", "objectOperations": [{"objects": ["EVENT", "REPORT"],
                     "operations": ["CREATE", "UPDATE", "DELETE"], "callbackUrl": "%s", "bearerToken": "hook-token"}]}"""
                    .formatted(programId, callback)).post("/subscriptions").then().statusCode(201)
                    .body("objectType", equalTo("SUBSCRIPTION"))
                    .body("clientID", equalTo(TestAuth.clientId(Role.GRID_OPERATOR))).extract().path("id");
            viaPrism().queryParam("objects", "EVENT").get("/subscriptions").then().statusCode(200);

            String id = viaPrism().contentType("application/json").body(capEvent("notified", 7000)).post("/events")
                    .then().statusCode(201).extract().path("id");

            await().atMost(Duration.ofSeconds(30)).until(() -> bodies.stream().anyMatch(b -> b.contains(id)));
            JsonPath notification = new JsonPath(bodies.stream().filter(b -> b.contains(id)).findFirst().orElseThrow());
            assertThat(notification.getString("objectType")).isEqualTo("EVENT");
            assertThat(notification.getString("operation")).isEqualTo("CREATE");
            assertThat(notification.getString("object.id")).isEqualTo(id);
            assertThat(auth).contains("Bearer hook-token");

            viaPrism().queryParam("programID", programId).queryParam("eventID", id).get("/reports").then()
                    .statusCode(200);
            viaPrism().delete("/events/" + id).then().statusCode(200);
            viaPrism().delete("/subscriptions/" + subscription).then().statusCode(200);
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void whatThePlanCannotKeepOfAnEventIsInTheGridOperatorsGetReportsBeforeTheEventStarts() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        planning.submit(new JobRequest("grid-ahead-" + now.toEpochMilli(), 512, null, 480.0, Duration.ofHours(1), now,
                now.plus(Duration.ofHours(12)), null, true, Duration.ofMinutes(5)));
        Instant start = now.plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.HOURS);
        String id = viaPrism().contentType("application/json").body("""
                {"programID": "%s", "eventName": "no import at all", "priority": 0,
                 "intervalPeriod": {"start": "%s", "duration": "PT1H"},
                 "reportDescriptors": [{"payloadType": "OPERATING_STATE"}],
                 "intervals": [{"id": 0, "payloads": [{"type": "IMPORT_CAPACITY_LIMIT", "values": [0]}]}]}"""
                .formatted(programId, start)).post("/events").then().statusCode(201).extract().path("id");
        try {
            // The re-plan for the event is done once it says whether the plan keeps the cap.
            Map<String, Object> event = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions().until(() -> drEvent(id), e -> e != null
                            && (e.get("shortfall") != null || "REPLANNED".equals(e.get("state"))));
            Map<String, Object> shortfall = (Map<String, Object>) event.get("shortfall");
            if (shortfall == null) {
                // A 0 kW cap is kept only where PV and wind cover the whole site: then there is nothing to tell.
                assertThat(kelvinReports(id)).isEmpty();
                return;
            }
            List<Map<String, Object>> reports = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> kelvinReports(id), r -> !r.isEmpty());
            assertThat(Instant.now()).as("seen before the event's start").isBefore(start);
            Map<String, Object> report = reports.getFirst();
            assertThat(Instant.parse((String) report.get("createdDateTime"))).isBefore(start);
            Map<String, Object> resource = ((List<Map<String, Object>>) report.get("resources")).getFirst();
            List<Map<String, Object>> payloads = (List<Map<String, Object>>) ((List<Map<String, Object>>) resource
                    .get("intervals")).getFirst().get("payloads");
            assertThat(payloads).extracting(p -> p.get("type")).contains("OPERATING_STATE", ReportBuilder.SHORTFALL_KW,
                    ReportBuilder.SHORTFALL_KWH, ReportBuilder.SHORTFALL_PROVEN);
            assertThat(payloads).filteredOn(p -> ReportBuilder.SHORTFALL_KW.equals(p.get("type"))).singleElement()
                    .satisfies(p -> assertThat(((Number) ((List<?>) p.get("values")).getFirst()).doubleValue())
                            .isCloseTo(((Number) shortfall.get("peakKw")).doubleValue(),
                                    org.assertj.core.api.Assertions.within(0.01)));
        } finally {
            viaPrism().delete("/events/" + id).then().statusCode(200);
        }
    }

    /** Kelvin's own reports on the event, read by the grid operator through the validating proxy. */
    private static List<Map<String, Object>> kelvinReports(String eventId) {
        List<Map<String, Object>> reports = viaPrism().queryParam("programID", programId).queryParam("eventID", eventId)
                .get("/reports").then().statusCode(200).extract().jsonPath().getList("$");
        return reports.stream().filter(r -> "kelvin".equals(r.get("clientID"))).toList();
    }
}
