package io.kelvin.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.testkit.KeycloakRealm;
import io.kelvin.testkit.KeycloakServer;
import io.kelvin.testkit.RequiresKeycloak;
import io.kelvin.web.AppReady;
import io.kelvin.web.WithKeycloak;
import io.kelvin.core.identity.Role;
import io.kelvin.testkit.LoginOutcome;
import io.kelvin.web.TestAuth;
import java.net.URI;
import java.util.List;
import java.util.Map;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * With an identity provider ({@link WithKeycloak}: testkit's real Keycloak), the login page offers a
 * login through it beside the form; in headless Chromium a realm user goes through Keycloak's own login
 * page and lands on the dashboard with the realm's role; screenshots under target/screenshots/oidc-*.png.
 */
@QuarkusTest
@TestProfile(WithKeycloak.class)
@RequiresKeycloak
class IdentityProviderLoginPageTest {

    @TestHTTPResource("/")
    URL root;

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
    void aCodeFlowLoginThroughTheProviderLandsOnTheDashboardAndIsAudited() {
        KeycloakServer keycloak = KeycloakServer.shared();
        var browser = keycloak.browserlessLogin();
        LoginOutcome outcome = browser.open(URI.create(root + "oidc/login"), KeycloakRealm.User.OPERATOR, uri -> false);

        assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.Landed.class, landed -> {
            assertThat(landed.uri()).isEqualTo(URI.create(root.toString()));
            assertThat(landed.status()).isEqualTo(200);
        });
        assertThat(browser.cookies().getCookies()).anySatisfy(c -> assertThat(c.getName()).startsWith("q_session"));
        List<Map<String, Object>> logins = TestAuth.as(Role.AUDITOR)
                .get("/api/v1/audit?limit=50&kind=LOGIN&actor=oidc:" + KeycloakRealm.User.OPERATOR.username())
                .then().statusCode(200).extract().jsonPath().getList("records");
        assertThat(logins).anySatisfy(r -> {
            assertThat(r.get("actorKind")).isEqualTo("USER");
            assertThat(r.get("outcome")).isEqualTo("SUCCESS");
            assertThat(r.get("address")).isEqualTo("127.0.0.1");
            assertThat((String) r.get("detail")).contains(keycloak.issuer().toString(), "OPERATOR");
        });
    }

    @Test
    void anOperatorLogsInThroughTheProviderLandsOnTheDashboardAndLogsOutAgain() {
        browser.get(root + "login");
        WebElement sso = waitFor("oidc-login");
        assertThat(browser.findElements(By.cssSelector("vaadin-login-form"))).as("the form stays").isNotEmpty();
        BrowserLogin.screenshot(browser, "oidc-login-page");
        sso.click();

        // Keycloak's own login page (keycloak.v2 theme).
        new WebDriverWait(browser, BrowserLogin.WAIT, Duration.ofMillis(250))
                .until(d -> d.getCurrentUrl().startsWith(KeycloakServer.shared().baseUri().toString()));
        waitFor("username").sendKeys(KeycloakRealm.User.OPERATOR.username());
        browser.findElement(By.id("password")).sendKeys(KeycloakRealm.User.OPERATOR.password());
        BrowserLogin.screenshot(browser, "oidc-keycloak-login");
        browser.findElement(By.id("kc-login")).click();

        waitFor("site-name");
        assertThat(browser.getCurrentUrl()).isEqualTo(root.toString());
        assertThat(browser.findElement(By.id("signed-in-as")).getText()).isEqualTo("oidc:operator");
        assertThat(present("nav-overview")).isTrue();
        assertThat(present("nav-audit")).as("OPERATOR does not read the audit trail").isFalse();
        assertThat(browser.findElements(By.id("nav-password"))).as("the provider keeps the password")
                .allSatisfy(link -> assertThat(link.isDisplayed()).isFalse());
        BrowserLogin.screenshot(browser, "oidc-dashboard-operator");

        waitFor("logout").click();
        new WebDriverWait(browser, BrowserLogin.WAIT, Duration.ofMillis(250)).until(d -> d.getCurrentUrl().endsWith("/login"));
        browser.get(root.toString());
        new WebDriverWait(browser, BrowserLogin.WAIT, Duration.ofMillis(250)).until(d -> d.getCurrentUrl().endsWith("/login"));
        assertThat(present("signed-in-as")).isFalse();
    }

    private WebElement waitFor(String id) {
        return new WebDriverWait(browser, BrowserLogin.WAIT, Duration.ofMillis(250)).until(d -> d.findElement(By.id(id)));
    }

    private boolean present(String id) {
        return !browser.findElements(By.id(id)).isEmpty();
    }
}
