package io.kelvin.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.kelvin.core.identity.Role;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A site whose tariff is in yuan, with an exchange rate to EUR in its price feed: the app's plans are costed in EUR
 * at the converted prices, and the plan says it converted them.
 */
@QuarkusTest
@TestProfile(GridApiOnly.class)
@WithTestResource(value = TempDataDir.class, scope = TestResourceScope.GLOBAL)
class PlanPriceInYuanTest {

    @Inject
    io.kelvin.energyoptimizer.app.PlanningService planning;

    @BeforeEach
    void ready() {
        AppReady.awaitReady();
    }

    @Test
    void aPlanOnATariffInYuanIsPricedInEurosAtTheFeedsRateAndSaysSo() throws IOException {
        // The demo tariff's EUR prices: the yuan file holds each divided by 0.128, so converted they come back.
        List<Double> eur = Files.readAllLines(Path.of("../site-configs/feeds/demo-tou-tariff.csv")).stream().skip(1)
                .map(l -> Double.parseDouble(l.split(",")[1])).distinct().toList();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        planning.submit(new io.kelvin.energyoptimizer.api.JobRequest("yuan-priced", 8, 0.95, null,
                Duration.ofHours(1), now, now.plus(Duration.ofHours(12)), null, false, null));
        try {
            JsonPath plan = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions().until(() -> TestAuth.as(Role.VIEWER).get("/api/v1/plan").then().statusCode(200)
                            .extract().jsonPath(), p -> p.getList("jobs.jobId").contains("yuan-priced"));

            assertThat(plan.getString("inputs.find { it.input == 'IMPORT_PRICE' }.detail"))
                    .contains("converted from CNY at " + TempDataDir.YUAN_RATE + " EUR/CNY");
            List<Float> prices = plan.getList("slots.priceEurPerKwh", Float.class);
            assertThat(prices).isNotEmpty().allSatisfy(p -> assertThat(eur)
                    .anySatisfy(e -> assertThat((double) p).isCloseTo(e, within(1e-6))));
        } finally {
            planning.cancel("yuan-priced");
        }
    }
}
