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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The DR view in a real browser against the app polling a test VTN; screenshot under target/screenshots/dr-view.png. */
@QuarkusTest
@WithTestResource(value = TempDataDir.class, scope = TestResourceScope.GLOBAL)
class DrPageTest extends BrowserPageTest {

    @TestHTTPResource("/")
    URL root;

    TestVtn vtn;

    @Test
    void anOperatorSeesTheProgramAndEventsAndOptsOutOfOneWithAReason() {
        Instant start = Instant.now().plus(Duration.ofHours(5)).truncatedTo(ChronoUnit.HOURS);
        vtn.putEvent(DrFixtures.capEvent("ev-ui-view", Instant.now().truncatedTo(ChronoUnit.MILLIS), start, 2, 7500));
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
        BrowserLogin.screenshot(browser, "dr-view");

        List<Map<String, Object>> records = await().atMost(Duration.ofSeconds(10)).until(() -> TestAuth.as(Role.AUDITOR)
                .get("/api/v1/audit?kind=DR_OPT_OUT&actor=" + TestAuth.user(Role.OPERATOR)).then().statusCode(200)
                .extract().jsonPath().getList("records"), r -> !r.isEmpty());
        assertThat(records).anySatisfy(r -> {
            assertThat((String) r.get("target")).startsWith("dr-event ev-ui-view@");
            assertThat(r.get("actorKind")).isEqualTo("USER");
            assertThat(r.get("outcome")).isEqualTo("SUCCESS");
            assertThat((String) r.get("detail")).contains("load test on hall B");
        });
    }
}
