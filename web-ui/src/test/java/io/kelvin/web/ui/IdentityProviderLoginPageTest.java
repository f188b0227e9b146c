package io.kelvin.web.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
 * page and lands on the dashboard with the realm's role; logging out ends the provider's session too
 * (RP-initiated logout); screenshots under target/screenshots/oidc-*.png.
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
    void loggingOutEndsTheProvidersSessionTooReturnsToTheLoginPageAndIsAudited() {
        KeycloakServer keycloak = KeycloakServer.shared();
        var browser = keycloak.browserlessLogin();
        assertThat(browser.open(URI.create(root + "oidc/login"), KeycloakRealm.User.VIEWER, uri -> false))
                .isInstanceOf(LoginOutcome.Landed.class);

        LoginOutcome out = browser.open(URI.create(root + "oidc/logout"), KeycloakRealm.User.VIEWER, uri -> false);

        // app -> the provider's end_session_endpoint (id_token_hint) -> back to the app's login page
        assertThat(out).isInstanceOfSatisfying(LoginOutcome.Landed.class, landed -> {
            assertThat(landed.uri().getPath()).isEqualTo("/login");
            assertThat(landed.uri().getPort()).isEqualTo(root.getPort());
            assertThat(landed.status()).isEqualTo(200);
        });
        assertThat(browser.cookies().getCookies()).noneSatisfy(c -> assertThat(c.getName()).startsWith("q_session"));
        // The provider asks for the password again (its single sign-on session is gone): a wrong one is refused.
        assertThat(browser.open(URI.create(root + "oidc/login"), KeycloakRealm.User.VIEWER.username(), "not-the-password",
                uri -> false)).isInstanceOf(LoginOutcome.Refused.class);
        String actor = "oidc:" + KeycloakRealm.User.VIEWER.username();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<Map<String, Object>> logouts = TestAuth.as(Role.AUDITOR)
                    .get("/api/v1/audit?limit=50&kind=LOGOUT&actor=" + actor)
                    .then().statusCode(200).extract().jsonPath().getList("records");
            assertThat(logouts).anySatisfy(r -> {
                assertThat(r.get("target")).isEqualTo(actor);
                assertThat(r.get("outcome")).isEqualTo("SUCCESS");
                assertThat(r.get("address")).isEqualTo("127.0.0.1");
                assertThat((String) r.get("detail")).contains(keycloak.issuer().toString(), "RP-initiated logout");
            });
        });
    }

    @Test
    void withoutAProviderSessionTheLogoutPathLeadsToTheLoginPage() {
        io.restassured.RestAssured.given().redirects().follow(false).get("/oidc/logout").then()
                .statusCode(303).header("Location", "/login");
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
        // through the provider's logout (RP-initiated) back to the login page
        new WebDriverWait(browser, BrowserLogin.WAIT, Duration.ofMillis(250))
                .until(d -> d.getCurrentUrl().startsWith(root + "login"));
        waitFor("oidc-login");
        BrowserLogin.screenshot(browser, "oidc-logged-out");
        browser.get(root.toString());
        new WebDriverWait(browser, BrowserLogin.WAIT, Duration.ofMillis(250)).until(d -> d.getCurrentUrl().endsWith("/login"));
        assertThat(present("signed-in-as")).isFalse();
        // The provider's session is gone too: its login page asks again.
        browser.get(root + "oidc/login");
        new WebDriverWait(browser, BrowserLogin.WAIT, Duration.ofMillis(250))
                .until(d -> d.getCurrentUrl().startsWith(KeycloakServer.shared().baseUri().toString()));
        assertThat(waitFor("username").isDisplayed()).isTrue();
    }

    private WebElement waitFor(String id) {
        return new WebDriverWait(browser, BrowserLogin.WAIT, Duration.ofMillis(250)).until(d -> d.findElement(By.id(id)));
    }

    private boolean present(String id) {
        return !browser.findElements(By.id(id)).isEmpty();
    }
}
