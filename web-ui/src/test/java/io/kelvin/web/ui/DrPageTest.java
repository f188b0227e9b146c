package io.kelvin.web.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kelvin.core.identity.Role;
import io.kelvin.greenpower.dr.DrFixtures;
import io.kelvin.greenpower.dr.ven.TestVtn;
import io.kelvin.web.TempDataDir;
import io.kelvin.web.TestAuth;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The DR view in a real browser against the app polling a test VTN: an event drawn against the meter (the seeded
 * grid history of {@link TempDataDir}), its delivered-versus-baseline rows as the API gives them, and an operator
 * opting out and back in; screenshot under target/screenshots/dr-view.png.
 */
@QuarkusTest
@WithTestResource(value = TempDataDir.class, scope = TestResourceScope.GLOBAL)
class DrPageTest extends BrowserPageTest {

    private static final String CHART = "const c = document.getElementById('dr-timeline-chart');";

    @TestHTTPResource("/")
    URL root;

    TestVtn vtn;

    @Test
    void anOperatorSeesAnEventAgainstTheMeteredImportItsCapAndBaselineAndOptsOutAndBackInWithAReason() {
        Instant start = Instant.now().plus(Duration.ofHours(5)).truncatedTo(ChronoUnit.HOURS);
        vtn.putEvent(DrFixtures.capEvent("ev-ui-view", Instant.now().truncatedTo(ChronoUnit.MILLIS), start, 2, 7500));
        Instant pastStart = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(4));
        vtn.putEvent(DrFixtures.capEvent("ev-ui-past", Instant.now().truncatedTo(ChronoUnit.MILLIS), pastStart, 1, 4000));
        BrowserLogin.logIn(browser, root.toString(), TestAuth.user(Role.OPERATOR), TestAuth.PASSWORD);
        browser.get(root + "dr");
        WebDriverWait wait = new WebDriverWait(browser, BrowserLogin.WAIT, Duration.ofMillis(250));
        wait.ignoring(StaleElementReferenceException.class);

        wait.until(d -> d.findElement(By.id("dr-ven")).getText().contains(": connected"));
        wait.until(d -> !d.findElements(By.xpath("//vaadin-grid-cell-content[text()='" + DrFixtures.PROGRAM_NAME + "']"))
                .isEmpty());
        wait.until(d -> !d.findElements(By.xpath("//vaadin-grid-cell-content[text()='REPLANNED']")).isEmpty()
                && !d.findElements(By.xpath("//vaadin-grid-cell-content[text()='ev-ui-view']")).isEmpty());
        browser.findElement(By.xpath("//vaadin-grid-cell-content[text()='ev-ui-view']")).click();
        browser.findElement(By.cssSelector("#dr-opt-out-reason input")).sendKeys("load test on hall B");
        browser.findElement(By.id("dr-opt-out")).click();

        wait.until(d -> d.findElement(By.id("dr-opt-out-result")).getText().startsWith("Opted out of ev-ui-view"));
        wait.until(d -> !d.findElements(By.xpath("//vaadin-grid-cell-content[contains(text(), 'load test on hall B')]"))
                .isEmpty());

        browser.findElement(By.cssSelector("#dr-opt-out-reason input")).sendKeys("load test moved to Sunday");
        browser.findElement(By.id("dr-opt-in")).click();
        wait.until(d -> d.findElement(By.id("dr-opt-out-result")).getText().startsWith("Opted back into ev-ui-view"));
        wait.until(d -> !d.findElements(By.xpath("//vaadin-grid-cell-content[contains(text(), 'load test moved to Sunday')]"))
                .isEmpty());

        // the past event against the meter: the chart element's data, not its pixels
        wait.until(d -> !d.findElements(By.xpath("//vaadin-grid-cell-content[text()='ev-ui-past']")).isEmpty());
        browser.findElement(By.xpath("//vaadin-grid-cell-content[text()='ev-ui-past']")).click();
        wait.until(d -> "ev-ui-past".equals(browser.executeScript(CHART + "return c && c.data ? c.data.event : null;")));
        List<Object> importKw = series("importKw");
        List<Object> capKw = series("capKw");
        List<Object> baselineKw = series("baselineKw");
        assertThat(importKw).hasSize(20);
        assertThat(importKw.subList(8, 12)).as("metered during the event: the seeded 5000 kW")
                .allSatisfy(v -> assertThat(((Number) v).doubleValue()).isEqualTo(5000.0));
        assertThat(capKw.stream().filter(Objects::nonNull).map(v -> ((Number) v).doubleValue()).toList())
                .containsExactly(4000.0, 4000.0, 4000.0, 4000.0);
        assertThat(capKw.subList(8, 12)).doesNotContainNull();
        assertThat(baselineKw.subList(8, 12)).allSatisfy(v -> assertThat(((Number) v).doubleValue()).isEqualTo(5000.0));
        assertThat(browser.findElement(By.id("dr-timeline-chart")).getDomAttribute("data-series"))
                .isEqualTo("Metered grid import|DR import cap|Baseline (CAISO 10-in-10)");
        assertThat(browser.findElement(By.id("dr-timeline-title")).getText()).startsWith("ev-ui-past: ")
                .contains("(Asia/Shanghai)");

        // the delivered-versus-baseline rows say what the API says
        Map<String, Object> view = TestAuth.as(Role.VIEWER).get("/api/v1/dr/events/ev-ui-past/performance").then()
                .statusCode(200).extract().jsonPath().getMap("$");
        Map<String, Object> interval = ((List<Map<String, Object>>) view.get("intervals")).getFirst();
        Map<String, Object> totals = (Map<String, Object>) view.get("totals");
        wait.until(d -> cells().contains("Total"));
        assertThat(cells()).contains(one(interval.get("capKw")), one(interval.get("baselineKw")),
                one(interval.get("actualKw")), one(interval.get("requestedKwh")), one(interval.get("deliveredKwh")),
                one(interval.get("aboveCapKwh")), "no", one(interval.get("measuredPercent")),
                totals.get("intervalsKept") + "/" + totals.get("intervals"));
        assertThat(one(interval.get("requestedKwh"))).isEqualTo("1000.0");
        browser.executeScript("document.getElementById('dr-opt-out-result').scrollIntoView();");
        BrowserLogin.screenshot(browser, "dr-view");

        for (String kind : List.of("DR_OPT_OUT", "DR_OPT_IN")) {
            List<Map<String, Object>> records = await().atMost(Duration.ofSeconds(10)).until(() -> TestAuth.as(Role.AUDITOR)
                    .get("/api/v1/audit?kind=" + kind + "&actor=" + TestAuth.user(Role.OPERATOR)).then().statusCode(200)
                    .extract().jsonPath().getList("records"), r -> !r.isEmpty());
            assertThat(records).anySatisfy(r -> {
                assertThat((String) r.get("target")).startsWith("dr-event ev-ui-view@");
                assertThat(r.get("actorKind")).isEqualTo("USER");
                assertThat(r.get("outcome")).isEqualTo("SUCCESS");
                assertThat((String) r.get("detail")).contains(kind.equals("DR_OPT_OUT") ? "load test on hall B"
                        : "load test moved to Sunday");
            });
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object> series(String key) {
        return (List<Object>) browser.executeScript(CHART + "return c.data.series['" + key + "'];");
    }

    private Set<String> cells() {
        return browser.findElements(By.cssSelector("#dr-performance vaadin-grid-cell-content")).stream()
                .map(e -> e.getText().strip()).collect(Collectors.toSet());
    }

    private static String one(Object number) {
        return String.format(Locale.ROOT, "%.1f", ((Number) number).doubleValue());
    }
}
