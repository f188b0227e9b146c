package io.kelvin.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kelvin.core.identity.Role;
import io.kelvin.web.AppReady;
import io.kelvin.web.TestAuth;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LatestPointsResourceTest {

    @Test
    void latestPointsListsEveryCollectedPointSortedWithUnitsAndIsoTimes() {
        AppReady.awaitReady();
        JsonPath body = await().atMost(AppReady.TIMEOUT).ignoreExceptions()
                .until(this::latest, json -> json.getList("points.point").contains("cdu-01.supply_temp_c"));

        List<String> points = body.getList("points.point");
        assertThat(body.getInt("count")).isEqualTo(points.size());
        assertThat(points).isSorted();
        Map<String, Object> supply = body.getMap("points.find { it.point == 'cdu-01.supply_temp_c' }");
        // Unit from site-configs/profiles/acme-cdu-800.yaml.
        assertThat(supply).containsEntry("unit", "degC").containsKeys("value", "quality");
        assertThat(Instant.parse((String) supply.get("sourceTime"))).isBefore(Instant.now().plusSeconds(5));
        assertThat(Instant.parse((String) supply.get("collectedAt"))).isAfter(Instant.now().minus(Duration.ofMinutes(5)));
    }

    @Test
    void derivedSiteTotalsAppearWithTheirFixedUnits() {
        AppReady.awaitReady();
        JsonPath body = await().atMost(AppReady.TIMEOUT).ignoreExceptions()
                .until(this::latest, json -> json.getList("points.point").contains("site.pue"));

        assertThat(body.getString("points.find { it.point == 'site.facility_kw' }.unit")).isEqualTo("kW");
        assertThat(body.getDouble("points.find { it.point == 'site.pue' }.value")).isBetween(1.0, 3.0);
    }

    @Test
    void unknownApiPathAnswersProblemJsonWithoutJavaClassNames() {
        String body = TestAuth.as(Role.VIEWER).get("/api/v1/no-such-thing").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .extract().asString();

        assertThat(JsonPath.from(body).getInt("status")).isEqualTo(404);
        assertThat(body).doesNotContain("Exception").doesNotContain("java.").doesNotContain("io.kelvin");
    }

    private JsonPath latest() {
        return TestAuth.as(Role.VIEWER).get("/api/v1/points/latest").then().statusCode(200).extract().jsonPath();
    }
}
