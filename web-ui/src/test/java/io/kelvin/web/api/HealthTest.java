package io.kelvin.web.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;

import io.kelvin.web.AppReady;
import io.kelvin.web.TempDataDir;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TempDataDir.class, scope = TestResourceScope.GLOBAL)
class HealthTest {

    @Test
    void readinessTurnsUpOnceTheSnapshotHoldsSamplesFromTheTwin() {
        AppReady.awaitReady();

        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("kelvin-runtime"))
                .body("checks.find { it.name == 'kelvin-runtime' }.data.points", greaterThan(0));
    }

    @Test
    void readinessCarriesTheStoreWritersStateAndItsLossCount() {
        AppReady.awaitReady();

        // the embedded store is up and the journal disk writable: nothing lost, only the waiting count
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("checks.find { it.name == 'kelvin-runtime' }.data.samplesLost", equalTo(0))
                .body("checks.find { it.name == 'kelvin-runtime' }.data.store", containsString("samples waiting"));
    }

    @Test
    void overallHealthIsUpWhenReady() {
        AppReady.awaitReady();

        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    }
}
