package io.kelvin.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.core.identity.Actor;
import io.kelvin.core.identity.Role;
import io.kelvin.identity.Accounts;
import io.kelvin.web.AppReady;
import io.kelvin.web.TestAuth;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Each role logs in through the login page in headless Chromium and sees only what the route matrix
 * (web-ui/README.md) gives it; screenshots of each under target/screenshots/role-*.png.
 */
@QuarkusTest
class RoleViewsPageTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    Accounts accounts;

    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        AppReady.awaitReady();
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void viewerSeesTheOverviewButNotTheAuditTrail() {
        logIn(Role.VIEWER);
        waitFor("site-name");
        assertThat(present("nav-overview")).isTrue();
        assertThat(present("nav-audit")).isFalse();
        assertThat(browser.findElement(By.id("signed-in-as")).getText()).isEqualTo(TestAuth.user(Role.VIEWER));
        BrowserLogin.screenshot(browser, "role-viewer");

        browser.get(root + "audit");
        String shown = deniedPage();
        assertThat(present("audit-grid")).isFalse();
        assertThat(shown).doesNotContain("Verify chain");
        BrowserLogin.screenshot(browser, "role-viewer-audit-denied");
    }

    @Test
    void auditorSeesTheAuditTrailAndItsChainVerifies() {
        logIn(Role.AUDITOR);
        waitFor("nav-audit").click();
        waitFor("audit-grid");
        waitFor("audit-verify").click();
        WebDriverWait wait = new WebDriverWait(browser, BrowserLogin.WAIT);
        wait.until(d -> d.findElement(By.id("audit-verify-result")).getText().startsWith("Chain intact"));
        BrowserLogin.screenshot(browser, "role-auditor");
    }

    @Test
    void adminSeesOverviewAndAuditLinks() {
        logIn(Role.ADMIN);
        waitFor("site-name");
        assertThat(present("nav-audit")).isTrue();
        assertThat(present("nav-overview")).isTrue();
        BrowserLogin.screenshot(browser, "role-admin");
    }

    @Test
    void platformUserHasNoSitePages() {
        logIn(Role.PLATFORM);
        deniedPage();
        assertThat(present("site-name")).isFalse();
        assertThat(present("nav-overview")).isFalse();
        assertThat(present("nav-audit")).isFalse();
        BrowserLogin.screenshot(browser, "role-platform");
    }

    @Test
    void oneTimePasswordLeadsToThePasswordFormFirstThenToTheOverview() {
        String oneTime = accounts.create("browser-new", Set.of(Role.OPERATOR), Actor.system("test"), "-")
                .oneTimePassword();
        BrowserLogin.logIn(browser, root.toString(), "browser-new", oneTime);
        waitFor("new-password");
        BrowserLogin.screenshot(browser, "one-time-password");
        browser.findElement(By.cssSelector("#current-password input")).sendKeys(oneTime);
        browser.findElement(By.cssSelector("#new-password input")).sendKeys(TestAuth.PASSWORD);
        browser.findElement(By.cssSelector("#new-password-again input")).sendKeys(TestAuth.PASSWORD);
        browser.findElement(By.id("change-password")).click();
        waitFor("site-name");
        assertThat(accounts.find("browser-new").orElseThrow().mustChangePassword()).isFalse();
    }

    @Test
    void wrongPasswordShowsTheErrorAndNoDashboard() {
        browser.get(root + "login");
        new WebDriverWait(browser, BrowserLogin.WAIT).until(d -> present("login-form"));
        try {
            BrowserLogin.logIn(browser, root.toString(), TestAuth.user(Role.VIEWER), "not the password");
        } catch (org.openqa.selenium.TimeoutException stillOnLogin) {
            // the browser may stay on a login URL; what counts is what it shows
        }
        new WebDriverWait(browser, BrowserLogin.WAIT).until(d -> d.getCurrentUrl().endsWith("/login-error"));
        // The form shows its error ("Wrong user name or password") once Vaadin rendered the page.
        new WebDriverWait(browser, BrowserLogin.WAIT).until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("var f = document.querySelector('vaadin-login-form'); return f != null && f.error === true;")));
        assertThat(present("site-name")).isFalse();
        BrowserLogin.screenshot(browser, "login-refused");
    }

    private void logIn(Role role) {
        BrowserLogin.logIn(browser, root.toString(), TestAuth.user(role), TestAuth.PASSWORD);
    }

    private org.openqa.selenium.WebElement waitFor(String id) {
        return new WebDriverWait(browser, BrowserLogin.WAIT, Duration.ofMillis(250))
                .until(d -> d.findElement(By.id(id)));
    }

    /** Waits until Vaadin rendered something (the navigation-denied page has no layout) and returns its text. */
    private String deniedPage() {
        return new WebDriverWait(browser, BrowserLogin.WAIT, Duration.ofMillis(250)).until(d -> {
            String text = d.findElement(By.tagName("body")).getText();
            return text.isBlank() ? null : text;
        });
    }

    private boolean present(String id) {
        return !browser.findElements(By.id(id)).isEmpty();
    }
}
