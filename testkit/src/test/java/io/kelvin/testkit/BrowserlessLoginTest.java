package io.kelvin.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The authorization-code flow run headlessly against the shared Keycloak (a second class reusing it). */
class BrowserlessLoginTest {

    private static KeycloakServer keycloak;
    private HttpServer app;

    @BeforeAll
    static void startKeycloak() {
        keycloak = KeycloakServer.shared();
    }

    @AfterEach
    void stopApp() {
        if (app != null) {
            app.stop(0);
        }
    }

    @Test
    void codeFlowReturnsToTheLoopbackRedirectWithACodeThatExchangesForTheUsersTokens() {
        URI redirect = KeycloakServerTest.loopbackRedirect("127.0.0.1");

        LoginOutcome outcome = keycloak.browserlessLogin()
                .authorize(KeycloakRealm.Client.DASHBOARD, redirect, KeycloakRealm.User.OPERATOR);

        // OpenID Connect Core 1.0 section 3.1.2.5: the response is a redirect to redirect_uri with code and state.
        assertThat(outcome).isInstanceOf(LoginOutcome.Reached.class);
        URI back = ((LoginOutcome.Reached) outcome).uri();
        assertThat(back.toString()).startsWith(redirect.toString());
        assertThat(BrowserlessLogin.queryParameter(back, "state")).isPresent();
        String code = BrowserlessLogin.queryParameter(back, "code").orElseThrow();
        TokenOutcome.Issued tokens = keycloak.oidc()
                .authorizationCode(KeycloakRealm.Client.DASHBOARD, code, redirect).issued();
        assertThat(tokens.id()).hasValueSatisfying(id -> assertThat(id.roles()).containsExactly("OPERATOR"));
    }

    @Test
    void localhostRedirectOnAnyPortIsRegisteredToo() {
        URI redirect = KeycloakServerTest.loopbackRedirect("localhost");

        LoginOutcome outcome = keycloak.browserlessLogin()
                .authorize(KeycloakRealm.Client.DASHBOARD, redirect, KeycloakRealm.User.VIEWER);

        assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.Reached.class,
                reached -> assertThat(BrowserlessLogin.queryParameter(reached.uri(), "code")).isPresent());
    }

    @Test
    void redirectOffLoopbackIsRefusedBeforeTheLoginForm() {
        LoginOutcome outcome = keycloak.browserlessLogin().authorize(KeycloakRealm.Client.DASHBOARD,
                URI.create("http://attacker.example/callback"), KeycloakRealm.User.VIEWER);

        // RFC 6749 section 4.1.2.1: an unregistered redirect URI must not be redirected to; Keycloak answers 400.
        assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.Landed.class, landed -> {
            assertThat(landed.status()).isEqualTo(400);
            assertThat(landed.body()).contains("redirect_uri");
        });
    }

    @Test
    void wrongPasswordLeavesTheUserOnTheLoginFormWithKeycloaksMessage() {
        URI authorize = URI.create(keycloak.authorizationEndpoint() + "?" + KeycloakOidc.form(Map.of(
                "response_type", "code", "client_id", "kelvin-dashboard", "scope", "openid",
                "redirect_uri", KeycloakServerTest.loopbackRedirect("127.0.0.1").toString())));

        LoginOutcome outcome = keycloak.browserlessLogin().open(authorize, "operator", "wrong", uri -> false);

        assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.Refused.class,
                refused -> assertThat(refused.message()).isEqualTo("Invalid username or password."));
    }

    @Test
    void disabledUserIsRefusedAtTheLoginForm() {
        LoginOutcome outcome = keycloak.browserlessLogin().authorize(KeycloakRealm.Client.DASHBOARD,
                KeycloakServerTest.loopbackRedirect("127.0.0.1"), KeycloakRealm.User.DISABLED);

        assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.Refused.class,
                refused -> assertThat(refused.message()).containsIgnoringCase("disabled"));
    }

    @Test
    void applicationPageIsReachedLoggedInThroughKeycloakAndItsSessionCookieKept() throws Exception {
        URI page = startApp();
        BrowserlessLogin browser = keycloak.browserlessLogin();

        LoginOutcome outcome = browser.open(page, KeycloakRealm.User.AUDITOR, uri -> false);

        assertThat(outcome).isEqualTo(new LoginOutcome.Landed(page, 200, "hello auditor [AUDITOR]"));
        // The jar now holds the app's session: the page answers without another login.
        HttpResponse<String> again = browser.httpClient().send(HttpRequest.newBuilder(page).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.body()).isEqualTo("hello auditor [AUDITOR]");
    }

    /**
     * A minimal relying party on loopback: "/" sends an anonymous caller to Keycloak, "/callback"
     * exchanges the code and sets a session cookie holding the user's name and roles.
     */
    private URI startApp() throws IOException {
        app = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        URI root = URI.create("http://127.0.0.1:" + app.getAddress().getPort() + "/");
        URI callback = root.resolve("/callback");
        app.createContext("/callback", exchange -> {
            String code = BrowserlessLogin.queryParameter(exchange.getRequestURI(), "code").orElseThrow();
            Jwt id = keycloak.oidc().authorizationCode(KeycloakRealm.Client.DASHBOARD, code, callback)
                    .issued().id().orElseThrow();
            exchange.getResponseHeaders().add("Set-Cookie", "app_session="
                    + id.string("preferred_username") + "_" + String.join("_", id.roles()) + "; Path=/; HttpOnly");
            redirect(exchange, root);
        });
        app.createContext("/", exchange -> {
            String cookie = exchange.getRequestHeaders().getFirst("Cookie");
            if (cookie == null || !cookie.contains("app_session=")) {
                redirect(exchange, URI.create(keycloak.authorizationEndpoint() + "?" + KeycloakOidc.form(Map.of(
                        "response_type", "code", "client_id", "kelvin-dashboard", "scope", "openid",
                        "redirect_uri", callback.toString()))));
                return;
            }
            String[] session = cookie.replaceAll(".*app_session=([^;]*).*", "$1").split("_", 2);
            byte[] body = ("hello " + session[0] + " [" + session[1] + "]").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        app.start();
        return root;
    }

    private static void redirect(HttpExchange exchange, URI location) throws IOException {
        exchange.getResponseHeaders().add("Location", location.toString());
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }
}
