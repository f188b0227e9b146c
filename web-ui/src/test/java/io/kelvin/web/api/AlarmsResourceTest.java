package io.kelvin.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.core.identity.Role;
import io.kelvin.core.telemetry.Alarm;
import io.kelvin.core.telemetry.AlarmLog;
import io.kelvin.web.AppReady;
import io.kelvin.web.TestAuth;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The alarms API over the runtime's alarm log. That a twin's leak reaches the log through a real OPC UA
 * event subscription is shown in collectors' {@code TwinAlarmsTest}; here the log is fed directly.
 */
@QuarkusTest
class AlarmsResourceTest {

    @Inject
    AlarmLog log;

    @Test
    void alarmsComeNewestFirstWithDeviceSeverityMessageAndIsoTimes() {
        AppReady.awaitReady();
        Instant t = Instant.parse("2026-06-01T12:00:00Z");
        log.accept(new Alarm("cdu-03", "Pump.Fault", 700, "pump 2 tripped", t, t.plusMillis(40)));
        log.accept(new Alarm("cdu-07", "Alarms.LeakDetected", 900, "leak under rack row 7", t.plusSeconds(5),
                t.plusSeconds(5)));

        JsonPath body = TestAuth.as(Role.VIEWER).get("/api/v1/alarms?limit=2").then().statusCode(200).extract().jsonPath();

        assertThat(body.getInt("count")).isEqualTo(2);
        assertThat(body.getLong("received")).isGreaterThanOrEqualTo(2);
        assertThat(body.getString("alarms[0].device")).isEqualTo("cdu-07");
        assertThat(body.getInt("alarms[0].severity")).isEqualTo(900);
        assertThat(body.getString("alarms[0].message")).isEqualTo("leak under rack row 7");
        assertThat(body.getString("alarms[1].source")).isEqualTo("Pump.Fault");
        assertThat(Instant.parse(body.getString("alarms[1].sourceTime"))).isEqualTo(t);
    }

    @Test
    void aLimitOutsideItsRangeIsAProblemNamingIt() {
        String detail = TestAuth.as(Role.VIEWER).get("/api/v1/alarms?limit=0").then().statusCode(400)
                .contentType("application/problem+json").extract().jsonPath().getString("detail");
        assertThat(detail).isEqualTo("limit: must be 1..1000, was 0");
    }
}
