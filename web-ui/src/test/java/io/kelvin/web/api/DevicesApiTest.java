package io.kelvin.web.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kelvin.core.identity.Role;
import io.kelvin.core.site.Site;
import io.kelvin.web.AppReady;
import io.kelvin.web.TempDataDir;
import io.kelvin.web.TestAuth;
import io.kelvin.web.runtime.KelvinRuntime;
import io.kelvin.simulator.SiteTwin;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Device health of the running demo twin through {@code GET /api/v1/devices} and readiness, also while a
 * device of the twin is unplugged.
 */
@QuarkusTest
@WithTestResource(value = TempDataDir.class, scope = TestResourceScope.GLOBAL)
class DevicesApiTest {

    @Inject
    Site site;

    @Inject
    KelvinRuntime runtime;

    @Test
    void everyDeviceOfTheSiteIsListedInSiteOrderUpWithItsLastGoodSampleAndGoodPoints() {
        AppReady.awaitReady();
        List<String> ids = site.devices().stream().map(d -> d.id()).toList();

        JsonPath body = await().atMost(AppReady.TIMEOUT).pollInterval(Duration.ofSeconds(1)).until(this::devices,
                b -> b.getInt("up") == ids.size());

        assertThat(body.getList("devices.id", String.class)).containsExactlyElementsOf(ids);
        assertThat(body.getInt("down")).isZero();
        Map<String, Object> cdu = device(body, "cdu-01");
        assertThat(cdu.get("state")).isEqualTo("UP");
        assertThat(Instant.parse((String) cdu.get("lastGoodSample"))).isAfter(Instant.now().minusSeconds(120));
        // overload in the last minute beside the count since start
        assertThat(((Number) cdu.get("pollOverrunsLastMinute")).longValue())
                .isBetween(0L, ((Number) cdu.get("pollOverruns")).longValue());
        assertThat(cdu).containsKey("lastPollOverrun");
        List<Map<String, Object>> points = body.getList("devices.find { it.id == 'cdu-01' }.points");
        assertThat(points).isNotEmpty().allSatisfy(p -> assertThat(p.get("quality")).isEqualTo("GOOD"));
        assertThat(points).extracting(p -> p.get("reason")).containsOnlyNulls();
    }

    @Test
    void aDevicesCommonInformationComesFromWhereTheDeviceSaysIt() {
        AppReady.awaitReady();

        JsonPath body = await().atMost(AppReady.TIMEOUT).pollInterval(Duration.ofSeconds(1)).until(this::devices,
                b -> "OPC UA server BuildInfo".equals(b.getString("devices.find { it.id == 'cdu-01' }.info.source"))
                        && b.getString("devices.find { it.id == 'pv-inv-01' }.info.serialNumber") != null);

        // the CDU's OPC UA server BuildInfo (Part 5, 6.3.2)
        assertThat(body.getString("devices.find { it.id == 'cdu-01' }.info.manufacturer")).contains("Acme Thermal");
        assertThat(body.getString("devices.find { it.id == 'cdu-01' }.info.model")).contains("CDU-800");
        assertThat(body.getString("devices.find { it.id == 'cdu-01' }.info.firmwareVersion")).isNotBlank();
        // the inverter's SunSpec common model 1 (maker, model, serial, version)
        assertThat(body.getString("devices.find { it.id == 'pv-inv-01' }.info.manufacturer")).contains("SunSpec-compliant");
        assertThat(body.getString("devices.find { it.id == 'pv-inv-01' }.info.serialNumber")).contains("pv-inv-01");
        assertThat(body.getString("devices.find { it.id == 'pv-inv-01' }.info.firmwareVersion")).contains("kelvin-twin");
    }

    @Test
    void readinessNamesNoDeviceDownWhenTheTwinAnswersAndCountsThemAll() {
        AppReady.awaitReady();
        int all = site.devices().size();

        await().atMost(AppReady.TIMEOUT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonPath health = given().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
            assertThat(health.getInt("checks.find { it.name == 'kelvin-devices' }.data.devices")).isEqualTo(all);
            assertThat(health.getInt("checks.find { it.name == 'kelvin-devices' }.data.up")).isEqualTo(all);
            assertThat(health.getString("checks.find { it.name == 'kelvin-devices' }.data.down")).isEmpty();
        });
    }

    @Test
    void eachDevicesStateAndTheAlarmCountsAreMetrics() {
        AppReady.awaitReady();

        await().atMost(AppReady.TIMEOUT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            String metrics = TestAuth.as(Role.VIEWER).get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(metrics).contains("kelvin_device_state{device=\"cdu-01\"} 0.0")
                    .contains("kelvin_device_state{device=\"chiller-01\"} 0.0")
                    .contains("kelvin_device_reads_failed{device=\"pv-inv-01\"}")
                    .contains("kelvin_device_last_error_timestamp_seconds{device=\"cdu-01\"}")
                    .containsPattern("(?m)^kelvin_alarms_current \\d")
                    .containsPattern("(?m)^kelvin_alarms_unacknowledged \\d");
        });
    }

    @Test
    void aDeviceThatStopsAnsweringIsDownWithItsLastErrorInTheApiAndNamedByHealthUntilItAnswersAgain() {
        AppReady.awaitReady();
        SiteTwin twin = runtime.twin().orElseThrow();
        String id = "hx-01"; // alone on its Modbus endpoint, so unplugging it takes no other device along
        await().atMost(AppReady.TIMEOUT).pollInterval(Duration.ofMillis(250)).until(this::devices,
                b -> "UP".equals(device(b, id).get("state")));

        twin.unplug(id);
        try {
            // DOWN after HealthTracker.DOWN_AFTER unanswered reads at the device's poll interval
            JsonPath body = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(this::devices, b -> "DOWN".equals(device(b, id).get("state")));
            assertThat(body.getInt("down")).isEqualTo(1);
            String code = body.getString("devices.find { it.id == '" + id + "' }.lastError.code");
            String message = body.getString("devices.find { it.id == '" + id + "' }.lastError.message");
            assertThat(code).as("the socket's own words").isNotBlank();
            assertThat(message).contains(code);
            assertThat(Instant.parse(body.getString("devices.find { it.id == '" + id + "' }.lastError.at")))
                    .isAfter(Instant.now().minusSeconds(60));

            JsonPath health = given().get("/q/health").then().statusCode(200).extract().jsonPath();
            assertThat(health.getString("checks.find { it.name == 'kelvin-devices' }.data.down")).isEqualTo(id);
            assertThat(health.getString("checks.find { it.name == 'kelvin-devices' }.data.'" + id + "'"))
                    .startsWith("DOWN: " + code);
        } finally {
            twin.plugIn(id);
        }

        // Back on the wire: UP again once the collector's reconnect backoff lets it try.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(this::devices,
                b -> "UP".equals(device(b, id).get("state")));
    }

    @Test
    void devicesAreForReadersOnly() {
        TestAuth.as(Role.PLATFORM).get("/api/v1/devices").then().statusCode(403);
        given().get("/api/v1/devices").then().statusCode(401);
    }

    private JsonPath devices() {
        return TestAuth.as(Role.VIEWER).get("/api/v1/devices").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> device(JsonPath body, String id) {
        return body.getMap("devices.find { it.id == '" + id + "' }");
    }
}
