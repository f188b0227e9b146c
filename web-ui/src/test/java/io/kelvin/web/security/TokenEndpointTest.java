package io.kelvin.web.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.kelvin.core.identity.Actor;
import io.kelvin.core.identity.Role;
import io.kelvin.identity.Clients;
import io.kelvin.identity.token.AccessTokens;
import io.kelvin.identity.token.SigningKeys;
import io.kelvin.web.TempDataDir;
import io.kelvin.web.TestAuth;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** POST /oauth/token (RFC 6749 section 4.4) and the bearer tokens it issues, over real HTTP. */
@QuarkusTest
@WithTestResource(value = TempDataDir.class, scope = TestResourceScope.GLOBAL)
class TokenEndpointTest {

    @Inject
    Clients clients;

    @Test
    void basicCredentialsGetAShortLivedBearerTokenThatIsNotCached() {
        Response response = given().auth().preemptive().basic(TestAuth.clientId(Role.VIEWER), TestAuth.secret(Role.VIEWER))
                .formParam("grant_type", "client_credentials").post("/oauth/token");
        // RFC 6749 5.1: access_token, token_type, expires_in; Cache-Control: no-store.
        response.then().statusCode(200).contentType("application/json")
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(300))
                .body("scope", equalTo("kelvin:viewer"));
        String token = response.path("access_token");
        given().auth().oauth2(token).get("/api/v1/points/latest").then().statusCode(200);
    }

    @Test
    void bodyCredentialsWorkToo() {
        given().formParam("grant_type", "client_credentials").formParam("client_id", TestAuth.clientId(Role.PLATFORM))
                .formParam("client_secret", TestAuth.secret(Role.PLATFORM)).post("/oauth/token")
                .then().statusCode(200).body("scope", equalTo("kelvin:platform"));
    }

    @Test
    void wrongSecretIsInvalidClientWithABasicChallengeWhenBasicWasUsed() {
        // RFC 6749 5.2: invalid_client is 401 and carries WWW-Authenticate when the client used Basic.
        given().auth().preemptive().basic(TestAuth.clientId(Role.VIEWER), "wrong")
                .formParam("grant_type", "client_credentials").post("/oauth/token")
                .then().statusCode(401).header("WWW-Authenticate", containsString("Basic"))
                .body("error", equalTo("invalid_client"));
        given().formParam("grant_type", "client_credentials").formParam("client_id", TestAuth.clientId(Role.VIEWER))
                .formParam("client_secret", "wrong").post("/oauth/token")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void missingGrantTypeUnsupportedGrantAndForeignScopeAreRefused() {
        String id = TestAuth.clientId(Role.VIEWER);
        String secret = TestAuth.secret(Role.VIEWER);
        given().auth().preemptive().basic(id, secret).formParam("scope", "kelvin:viewer").post("/oauth/token")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
        given().auth().preemptive().basic(id, secret).formParam("grant_type", "password").post("/oauth/token")
                .then().statusCode(400).body("error", equalTo("unsupported_grant_type"));
        given().auth().preemptive().basic(id, secret).formParam("grant_type", "client_credentials")
                .formParam("scope", "kelvin:admin").post("/oauth/token")
                .then().statusCode(400).body("error", equalTo("invalid_scope"));
    }

    @Test
    void noTokenIs401WithABearerChallengeAndWrongRoleIs403AsProblemJson() {
        given().get("/api/v1/points/latest").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        TestAuth.as(Role.PLATFORM).get("/api/v1/points/latest").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void expiredTokenAndTokenWithAForeignSignatureAre401() {
        Path keys = Path.of(ConfigProvider.getConfig().getValue("kelvin.data-dir", String.class)).toAbsolutePath()
                .resolve("keys");
        String issuer = ConfigProvider.getConfig().getOptionalValue("kelvin.security.token-issuer", String.class)
                .orElse("kelvin");
        var client = clients.find(TestAuth.clientId(Role.VIEWER)).orElseGet(() -> {
            TestAuth.secret(Role.VIEWER);
            return clients.find(TestAuth.clientId(Role.VIEWER)).orElseThrow();
        });
        InstantSource hourAgo = InstantSource.fixed(Instant.now().minus(Duration.ofHours(1)));
        String expired = new AccessTokens(SigningKeys.loadOrCreate(keys), issuer, Duration.ofMinutes(5), hourAgo)
                .issue(client, Set.of("kelvin:viewer")).token();
        String forged = new AccessTokens(SigningKeys.generate(), issuer, Duration.ofMinutes(5), InstantSource.system())
                .issue(client, Set.of("kelvin:viewer")).token();

        given().auth().oauth2(expired).get("/api/v1/points/latest").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", containsString("invalid_token"));
        given().auth().oauth2(forged).get("/api/v1/points/latest").then().statusCode(401);
        given().auth().oauth2("garbage").get("/api/v1/points/latest").then().statusCode(401);
    }

    @Test
    void tokensOfADisabledClientStopWorking() {
        Clients.Issued issued = clients.add("soon-disabled", Role.VIEWER, Set.of(), Actor.system("test"), "-");
        String token = given().auth().preemptive().basic("soon-disabled", issued.secret())
                .formParam("grant_type", "client_credentials").post("/oauth/token").then().statusCode(200)
                .extract().path("access_token");
        given().auth().oauth2(token).get("/api/v1/points/latest").then().statusCode(200);

        clients.disable("soon-disabled", Actor.system("test"), "-");

        given().auth().oauth2(token).get("/api/v1/points/latest").then().statusCode(401);
        given().auth().preemptive().basic("soon-disabled", issued.secret()).formParam("grant_type", "client_credentials")
                .post("/oauth/token").then().statusCode(401);
        assertThat(clients.find("soon-disabled").orElseThrow().enabled()).isFalse();
    }
}
