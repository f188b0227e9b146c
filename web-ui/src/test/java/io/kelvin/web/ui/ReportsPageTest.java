package io.kelvin.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.core.identity.AuditKind;
import io.kelvin.core.identity.AuditQuery;
import io.kelvin.core.identity.Role;
import io.kelvin.identity.audit.AuditTrail;
import io.kelvin.web.TempDataDir;
import io.kelvin.web.TestAuth;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The reports view in headless Chromium: an auditor picks a span, sees every figure with its
 * status (those below the completeness threshold marked) and downloads a format, which is audited;
 * a viewer is refused. Screenshots target/screenshots/reports-*.png.
 */
@QuarkusTest
@WithTestResource(value = TempDataDir.class, scope = TestResourceScope.GLOBAL)
class ReportsPageTest extends BrowserPageTest {

    private static final ZoneId SITE_ZONE = ZoneId.of("Asia/Shanghai");

    @TestHTTPResource("/")
    URL root;

    @Inject
    AuditTrail trail;

    @Test
    void auditorSeesTheFiguresWithThoseBelowTheThresholdMarkedAndDownloadsAnAuditedCsv() {
        String user = TestAuth.user(Role.AUDITOR);
        BrowserLogin.logIn(browser, root.toString(), user, TestAuth.PASSWORD);
        waitFor("nav-reports").click();
        waitFor("reports-period");
        LocalDateTime now = LocalDateTime.now(SITE_ZONE).truncatedTo(ChronoUnit.MINUTES);
        type("reports-period", "");
        type("reports-from", now.minusMinutes(30).toString());
        type("reports-to", now.plusMinutes(30).toString());

        // the current month is shown on opening; wait until the span asked for is shown instead
        WebElement itRow = new WebDriverWait(browser, Duration.ofSeconds(120), Duration.ofSeconds(3)).until(d -> {
            if (!d.findElement(By.id("reports-summary")).getText().contains("(custom")
                    || d.findElements(By.cssSelector("#reports-figures tr[data-kpi='E_IT']")).isEmpty()) {
                d.findElement(By.id("reports-show")).click();
                return null;
            }
            return d.findElement(By.cssSelector("#reports-figures tr[data-kpi='E_IT']"));
        });
        assertThat(browser.findElement(By.id("reports-summary")).getText())
                .contains("Period: " + now.minusMinutes(30).toLocalDate() + " " + now.minusMinutes(30).toLocalTime());
        assertThat(itRow.getAttribute("class")).contains("status-below-threshold");
        assertThat(itRow.getText()).contains("E_IT").contains("below threshold").contains("kWh");
        assertThat(browser.findElements(By.cssSelector("#reports-figures tr[data-kpi]"))).hasSizeGreaterThan(20);
        assertThat(browser.findElements(By.cssSelector("#reports-meters tr[data-meter]"))).isNotEmpty();
        assertThat(browser.findElement(By.id("reports-summary")).getText()).contains("demo-aidc").contains("95.00 %");
        for (String format : new String[] {"csv", "xlsx", "pdf", "eed"}) {
            assertThat(browser.findElements(By.id("reports-download-" + format))).as(format).hasSize(1);
        }
        BrowserLogin.screenshot(browser, "reports-auditor");

        String href = browser.findElement(By.id("reports-download-csv")).getAttribute("href");
        Object csv = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text()).then(done, e => done('failed: ' + e));",
                href);
        assertThat((String) csv).contains("E_IT").contains("demo-aidc");
        assertThat(trail.search(new AuditQuery(Optional.empty(), Optional.empty(), Optional.of(user),
                Optional.of(AuditKind.REPORT_EXPORTED), 0, 10))).anySatisfy(r -> {
                    assertThat(r.entry().detail()).contains("format=csv").contains("sha256=");
                    assertThat(r.entry().target()).startsWith("demo-aidc ");
                });
    }

    @Test
    void viewerHasNoReportsLinkAndIsRefusedTheReportsPage() {
        BrowserLogin.logIn(browser, root.toString(), TestAuth.user(Role.VIEWER), TestAuth.PASSWORD);
        waitFor("site-name");
        assertThat(browser.findElements(By.id("nav-reports"))).isEmpty();

        browser.get(root + "reports");
        String shown = new WebDriverWait(browser, BrowserLogin.WAIT, Duration.ofMillis(250)).until(d -> {
            String text = d.findElement(By.tagName("body")).getText();
            return text.isBlank() ? null : text;
        });
        assertThat(browser.findElements(By.id("reports-show"))).isEmpty();
        assertThat(shown).doesNotContain("Completeness threshold");
        BrowserLogin.screenshot(browser, "reports-viewer-denied");
    }

    private void type(String id, String text) {
        WebElement input = browser.findElement(By.cssSelector("#" + id + " input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text, Keys.TAB);
    }

    private WebElement waitFor(String id) {
        return new WebDriverWait(browser, BrowserLogin.WAIT, Duration.ofMillis(250)).until(d -> d.findElement(By.id(id)));
    }
}
