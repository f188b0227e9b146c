package io.kelvin.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import io.kelvin.core.identity.Role;
import io.kelvin.web.AppReady;
import io.kelvin.web.TestAuth;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PointHistoryResourceTest {

    private JsonPath history(String point, String query) {
        return TestAuth.as(Role.VIEWER).when().get("/api/v1/points/" + point + "/history" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void historyOfAPointHasOneStepPerIntervalAndFillsFromTheStore() {
        AppReady.awaitReady();
        // 2 minutes in 10 s steps = 12 steps; values arrive once the writer has flushed to the store.
        JsonPath body = await().atMost(AppReady.TIMEOUT).ignoreExceptions().until(
                () -> history("site.it_kw", "?minutes=2&step=10"),
                json -> json.getList("values.value").stream().anyMatch(Objects::nonNull));
        List<Float> values = body.getList("values.value");
        assertThat(values).hasSize(12);
        assertThat(body.getString("unit")).isEqualTo("kW");
        assertThat(values.stream().filter(Objects::nonNull)).allSatisfy(kw -> assertThat(kw).isBetween(1_000f, 10_000f));
        // every empty step says why, and only empty steps do
        List<Map<String, Object>> steps = body.getList("values");
        assertThat(steps).allSatisfy(step -> {
            if (step.get("value") == null) {
                assertThat(step.get("gap")).isIn("NO_DATA", "POLL_OVERRUN");
            } else {
                assertThat(step.get("gap")).isNull();
            }
            assertThat(step.get("pollOverrun")).isInstanceOf(Boolean.class);
        });
    }

    @Test
    void anUnknownPointIsABadRequestThatNamesIt() {
        TestAuth.as(Role.VIEWER).when().get("/api/v1/points/cdu-99.supply_temp_c/history")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("'cdu-99.supply_temp_c' is not a point of site demo-aidc"));
    }

    @Test
    void aRequestForTooManyStepsIsRefusedBeforeTheStoreIsAsked() {
        // 1 day at 1 s would be 86,400 steps; the limit is 10,000.
        TestAuth.as(Role.VIEWER).when().get("/api/v1/points/site.pue/history?minutes=1440&step=1")
                .then().statusCode(400).body("detail", containsString("at most 10000 steps"));
    }

    @Test
    void anUnknownAggregateIsRefusedWithTheAllowedOnes() {
        TestAuth.as(Role.VIEWER).when().get("/api/v1/points/site.pue/history?aggregate=median")
                .then().statusCode(400).body("detail", containsString("mean, min, max, last"));
    }
}
