package io.kelvin.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kelvin.core.alarm.AlarmKey;
import io.kelvin.core.identity.AuditKind;
import io.kelvin.core.identity.AuditQuery;
import io.kelvin.core.identity.AuditRecord;
import io.kelvin.core.identity.Outcome;
import io.kelvin.core.identity.Role;
import io.kelvin.identity.audit.AuditTrail;
import io.kelvin.simulator.SiteTwin;
import io.kelvin.simulator.TwinAlarm;
import io.kelvin.simulator.TwinAlarmState;
import io.kelvin.web.AppReady;
import io.kelvin.web.TempDataDir;
import io.kelvin.web.TestAuth;
import io.kelvin.web.runtime.KelvinRuntime;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Alarms of the running demo twin, end to end: a CDU's leak raised on its OPC UA server reaches
 * {@code GET /api/v1/alarms}; an operator acknowledges and shelves it through the API, which calls the
 * condition's methods on the device; every attempt is on the audit trail; a viewer may only look.
 * Each test uses its own CDU, since the app (and its state database) is shared by the test classes.
 */
@QuarkusTest
@WithTestResource(value = TempDataDir.class, scope = TestResourceScope.GLOBAL)
class AlarmsApiTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    KelvinRuntime runtime;

    @Inject
    AuditTrail audit;

    @Test
    void aLeakOnTheTwinIsListedAndAnOperatorAcknowledgesItOnTheDeviceWithTheCommentOnRecord() {
        AppReady.awaitReady();
        SiteTwin twin = runtime.twin().orElseThrow();
        twin.leak("cdu-05");
        try {
            Map<String, Object> leak = awaitAlarm("cdu-05", "UNACKNOWLEDGED");
            String id = (String) leak.get("id");
            assertThat(leak.get("severity")).isEqualTo(TwinAlarm.LEAK.severity());
            assertThat((String) leak.get("message")).startsWith("Leak detected at cdu-05");
            assertThat(AlarmKey.fromId(id).device()).isEqualTo("cdu-05");

            post(Role.VIEWER, id, "acknowledge", "{\"comment\":\"not mine\"}").statusCode(403);
            JsonPath acked = post(Role.OPERATOR, id, "acknowledge", "{\"comment\":\"valve V-12 closed\"}")
                    .statusCode(200).extract().jsonPath();

            assertThat(acked.getString("phase")).isEqualTo("ACKNOWLEDGED");
            assertThat(acked.getString("acknowledged.by")).isEqualTo(TestAuth.clientId(Role.OPERATOR));
            assertThat(acked.getString("acknowledged.comment")).isEqualTo("valve V-12 closed");
            TwinAlarmState onDevice = twin.alarm("cdu-05", TwinAlarm.LEAK).orElseThrow();
            assertThat(onDevice.acked()).isTrue();
            assertThat(onDevice.comment()).isEqualTo("valve V-12 closed");

            String again = post(Role.OPERATOR, id, "acknowledge", "{}").statusCode(409)
                    .contentType("application/problem+json").extract().jsonPath().getString("detail");
            assertThat(again).contains("already acknowledged by " + TestAuth.clientId(Role.OPERATOR));

            List<AuditRecord> records = audit.search(new AuditQuery(Optional.empty(), Optional.empty(),
                    Optional.of(TestAuth.clientId(Role.OPERATOR)), Optional.of(AuditKind.ALARM_ACKNOWLEDGED), 0, 50));
            List<AuditRecord> ofThisAlarm = records.stream()
                    .filter(r -> r.entry().target().equals(AlarmKey.fromId(id).toString())).toList();
            assertThat(ofThisAlarm).extracting(r -> r.entry().outcome()).containsExactly(Outcome.DENIED, Outcome.SUCCESS);
            assertThat(ofThisAlarm.get(1).entry().detail()).isEqualTo("comment=\"valve V-12 closed\"");
            assertThat(ofThisAlarm.get(1).entry().address()).isNotBlank().isNotEqualTo("-");

            // the alarm's history, newest first: raised by the device, acknowledged by the operator
            JsonPath history = TestAuth.as(Role.AUDITOR).queryParam("id", id).get("/api/v1/alarms/history").then()
                    .statusCode(200).extract().jsonPath();
            assertThat(history.getList("lines.kind", String.class)).containsSubsequence("ACKNOWLEDGED", "RAISED");
            assertThat(history.getString("lines.find { it.kind == 'ACKNOWLEDGED' }.note.by"))
                    .isEqualTo(TestAuth.clientId(Role.OPERATOR));
            assertThat(history.getString("lines.find { it.kind == 'ACKNOWLEDGED' }.note.comment")).isEqualTo("valve V-12 closed");
            assertThat(history.getList("lines.device", String.class)).containsOnly("cdu-05");
        } finally {
            twin.leakCleared("cdu-05");
        }
    }

    @Test
    void anOperatorShelvesALeakForHalfAnHourOnTheDeviceAndUnshelvesIt() {
        AppReady.awaitReady();
        SiteTwin twin = runtime.twin().orElseThrow();
        twin.leak("cdu-06");
        try {
            String id = (String) awaitAlarm("cdu-06", "UNACKNOWLEDGED").get("id");

            JsonPath shelved = post(Role.OPERATOR, id, "shelve", "{\"duration\":\"PT30M\",\"reason\":\"rope being replaced\"}")
                    .statusCode(200).extract().jsonPath();

            assertThat(shelved.getString("shelving")).isEqualTo("TIMED");
            assertThat(shelved.getString("shelvedUntil")).isNotNull();
            assertThat(shelved.getString("shelved.comment")).isEqualTo("rope being replaced");
            assertThat(twin.alarm("cdu-06", TwinAlarm.LEAK).orElseThrow().shelving()).isEqualTo("TimedShelved");

            JsonPath unshelved = post(Role.OPERATOR, id, "unshelve", "{\"comment\":\"rope replaced\"}")
                    .statusCode(200).extract().jsonPath();
            assertThat(unshelved.getString("shelving")).isEqualTo("UNSHELVED");
            assertThat(twin.alarm("cdu-06", TwinAlarm.LEAK).orElseThrow().shelving()).isEqualTo("Unshelved");
            assertThat(audit.search(new AuditQuery(Optional.empty(), Optional.empty(),
                    Optional.of(TestAuth.clientId(Role.OPERATOR)), Optional.of(AuditKind.ALARM_UNSHELVED), 0, 50)))
                    .anyMatch(r -> r.entry().target().startsWith("cdu-06/") && r.entry().outcome() == Outcome.SUCCESS);
        } finally {
            twin.leakCleared("cdu-06");
        }
    }

    @Test
    void badShelvingInputIsA400NamingTheFieldAndNothingReachesTheDevice() {
        AppReady.awaitReady();
        SiteTwin twin = runtime.twin().orElseThrow();
        twin.pumpFault("cdu-04");
        try {
            String id = (String) awaitAlarm("cdu-04", "UNACKNOWLEDGED").get("id");

            assertThat(problem(post(Role.OPERATOR, id, "shelve", "{\"duration\":\"30 minutes\",\"reason\":\"noisy\"}"), 400))
                    .isEqualTo("duration: an ISO-8601 duration such as PT30M, was '30 minutes'");
            assertThat(problem(post(Role.OPERATOR, id, "shelve", "{\"duration\":\"PT25H\",\"reason\":\"noisy\"}"), 400))
                    .isEqualTo("duration: a timed shelving may last at most PT24H, asked PT25H");
            assertThat(problem(post(Role.OPERATOR, id, "shelve", "{\"duration\":\"PT1H\"}"), 400))
                    .isEqualTo("reason: shelving needs a reason");
            assertThat(problem(post(Role.OPERATOR, "not-an-alarm", "acknowledge", "{}"), 400))
                    .isEqualTo("id: not an alarm id, was 'not-an-alarm'");
            assertThat(problem(TestAuth.as(Role.VIEWER).get("/api/v1/alarms/history?from=yesterday").then(), 400))
                    .startsWith("from: must be an ISO-8601 instant");
            assertThat(problem(TestAuth.as(Role.VIEWER).get("/api/v1/alarms/history?limit=5000").then(), 400))
                    .isEqualTo("limit: must be 1..1000, was 5000");
            String unknown = AlarmKey.of("cdu-04", "nsu=urn:nowhere;s=Nothing").id();
            assertThat(problem(post(Role.OPERATOR, unknown, "acknowledge", "{}"), 404)).contains("no alarm");

            TwinAlarmState onDevice = twin.alarm("cdu-04", TwinAlarm.PUMP_FAULT).orElseThrow();
            assertThat(onDevice.acked()).isFalse();
            assertThat(onDevice.shelving()).isNotEqualTo("TimedShelved");
            assertThat(TestAuth.as(Role.VIEWER).get("/api/v1/alarms").then().statusCode(200).extract().jsonPath()
                    .getString("alarms.find { it.device == 'cdu-04' }.phase")).isEqualTo("UNACKNOWLEDGED");
        } finally {
            twin.pumpFaultCleared("cdu-04");
        }
    }

    private Map<String, Object> awaitAlarm(String device, String phase) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> TestAuth.as(Role.VIEWER)
                .get("/api/v1/alarms").then().statusCode(200).extract().jsonPath()
                .<String, Object>getMap("alarms.find { it.device == '" + device + "' && it.phase == '" + phase + "' }"),
                a -> a != null);
    }

    private static ValidatableResponse post(Role role, String id, String action, String json) {
        return TestAuth.as(role).contentType("application/json").body(json)
                .post("/api/v1/alarms/" + id + "/" + action).then();
    }

    private static String problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType("application/problem+json").extract().jsonPath().getString("detail");
    }
}
