package io.kelvin.web.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.core.identity.Actor;
import io.kelvin.core.identity.Role;
import io.kelvin.identity.Accounts;
import io.kelvin.web.TempDataDir;
import io.kelvin.web.TestAuth;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The dashboard's form login (POST /j_security_check) and its session cookie, over real HTTP. */
@QuarkusTest
@WithTestResource(value = TempDataDir.class, scope = TestResourceScope.GLOBAL)
class LoginTest {

    /** A page only the session of an ADMIN reaches (and that is not the Vaadin app). */
    private static final String ADMIN_PAGE = "/q/swagger-ui/";

    @Inject
    Accounts accounts;

    @Test
    void rightPasswordSetsAnHttpOnlyStrictSessionCookieAndLandsOnTheDashboard() {
        Response login = login(TestAuth.user(Role.ADMIN), TestAuth.PASSWORD);

        login.then().statusCode(302);
        assertThat(login.header("Location")).endsWith("/");
        String setCookie = String.join("\n", login.headers().getValues("Set-Cookie"));
        assertThat(setCookie).contains(SessionCookie.NAME + "=").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Strict");
        given().cookie(SessionCookie.NAME, login.cookie(SessionCookie.NAME)).redirects().follow(false)
                .get(ADMIN_PAGE).then().statusCode(200);
    }

    @Test
    void wrongPasswordGoesBackToTheLoginPageAndIsAuditedWithTheAddress() {
        String name = TestAuth.user(Role.VIEWER);
        Response login = login(name, "not the password at all");

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.header("Location")).endsWith("/login-error");
        assertThat(login.cookie(SessionCookie.NAME)).isNullOrEmpty();
        JsonPath audit = TestAuth.as(Role.AUDITOR).get("/api/v1/audit?kind=LOGIN_FAILED&limit=50").then().statusCode(200)
                .extract().jsonPath();
        assertThat(audit.getList("records.findAll { it.target == '" + name + "' }.address")).contains("127.0.0.1");
    }

    @Test
    void repeatedFailuresAreSlowedThenLockedEvenForTheRightPassword() {
        String name = "lock-me";
        String oneTime = accounts.create(name, Set.of(Role.VIEWER), Actor.system("test"), "-").oneTimePassword();
        accounts.changePassword(name, oneTime, TestAuth.PASSWORD, "-");
        for (int i = 1; i <= 3; i++) {
            login(name, "wrong " + i);
        }
        long start = System.nanoTime();
        login(name, "wrong 4");
        // LoginPolicy.defaults(): the 4th failure waits 2 s (1 s from the 3rd, doubling).
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(1_900);
        login(name, "wrong 5");

        Response right = login(name, TestAuth.PASSWORD);

        assertThat(right.header("Location")).endsWith("/login-error");
        assertThat(right.cookie(SessionCookie.NAME)).isNullOrEmpty();
    }

    @Test
    void oneTimePasswordSessionHasNoRoleUntilThePasswordIsChanged() {
        String oneTime = accounts.create("fresh-admin", Set.of(Role.ADMIN), Actor.system("test"), "-").oneTimePassword();
        Response login = login("fresh-admin", oneTime);
        login.then().statusCode(302);

        given().cookie(SessionCookie.NAME, login.cookie(SessionCookie.NAME)).redirects().follow(false).get(ADMIN_PAGE)
                .then().statusCode(403);
        accounts.changePassword("fresh-admin", oneTime, TestAuth.PASSWORD, "-");
        given().cookie(SessionCookie.NAME, login.cookie(SessionCookie.NAME)).redirects().follow(false).get(ADMIN_PAGE)
                .then().statusCode(200);
    }

    @Test
    void disabledUsersSessionEndsAtTheirNextRequest() {
        String oneTime = accounts.create("leaving-admin", Set.of(Role.ADMIN), Actor.system("test"), "-")
                .oneTimePassword();
        accounts.changePassword("leaving-admin", oneTime, TestAuth.PASSWORD, "-");
        String session = login("leaving-admin", TestAuth.PASSWORD).cookie(SessionCookie.NAME);
        given().cookie(SessionCookie.NAME, session).redirects().follow(false).get(ADMIN_PAGE).then().statusCode(200);

        accounts.disable("leaving-admin", Actor.system("test"), "-");

        Response after = given().cookie(SessionCookie.NAME, session).redirects().follow(false).get(ADMIN_PAGE);
        assertThat(after.statusCode()).isIn(302, 401);
        assertThat(after.contentType()).doesNotContain("text/html");
    }

    private static Response login(String username, String password) {
        return given().redirects().follow(false).formParam("username", username).formParam("password", password)
                .post("/j_security_check");
    }
}
