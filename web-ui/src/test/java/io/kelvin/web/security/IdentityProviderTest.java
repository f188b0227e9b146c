package io.kelvin.web.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import io.kelvin.core.identity.Role;
import io.kelvin.testkit.Jwt;
import io.kelvin.testkit.KeycloakRealm;
import io.kelvin.testkit.KeycloakServer;
import io.kelvin.testkit.RequiresKeycloak;
import io.kelvin.testkit.TokenOutcome;
import io.kelvin.web.TestAuth;
import io.kelvin.web.WithKeycloak;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/**
 * A site with an identity provider: the app runs with testkit's real Keycloak as its OIDC provider
 * ({@link WithKeycloak}); the provider's tokens work on the API beside Kelvin's own, with the roles of
 * the realm's role claim; forged and expired ones are refused.
 */
@QuarkusTest
@TestProfile(WithKeycloak.class)
@RequiresKeycloak
class IdentityProviderTest {

    private static final String OPERATOR_ROUTE = "/api/v1/jobs/no-such-job";

    private final KeycloakServer keycloak = KeycloakServer.shared();

    @Inject
    @Any
    Instance<IdentityProvider<?>> identityProviders;

    @Test
    void aKeycloakUserWithTheOperatorRoleMayCallAnOperatorRoute() {
        String token = keycloak.oidc().forUser(KeycloakRealm.User.OPERATOR).accessToken();
        // Allowed: the job is unknown (404), not the caller (401) or the role (403).
        given().auth().oauth2(token).delete(OPERATOR_ROUTE).then().log().ifValidationFails().statusCode(404);
        given().auth().oauth2(token).get("/api/v1/points/latest").then().statusCode(200);
    }

    @Test
    void aKeycloakUserWithTheViewerRoleMayReadButNotCallAnOperatorRoute() {
        String token = keycloak.oidc().forUser(KeycloakRealm.User.VIEWER).accessToken();
        given().auth().oauth2(token).get("/api/v1/points/latest").then().statusCode(200);
        given().auth().oauth2(token).delete(OPERATOR_ROUTE).then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void aMachineOfTheProviderGetsTheRoleOfItsServiceAccountAndOneWithoutAKelvinRoleGetsNone() {
        String platform = keycloak.oidc().forClient(KeycloakRealm.Client.PLATFORM).accessToken();
        given().auth().oauth2(platform).get("/api/v1/jobs").then().statusCode(200);
        given().auth().oauth2(platform).get("/api/v1/points/latest").then().statusCode(403);
        String none = keycloak.oidc().forClient(KeycloakRealm.Client.NO_ROLES).accessToken();
        given().auth().oauth2(none).get("/api/v1/points/latest").then().statusCode(403);
    }

    @Test
    void kelvinsOwnTokensKeepWorkingBesideTheProvidersTokens() {
        TestAuth.as(Role.OPERATOR).delete(OPERATOR_ROUTE).then().statusCode(404);
        TestAuth.as(Role.VIEWER).delete(OPERATOR_ROUTE).then().statusCode(403);
    }

    @Test
    void aTokenWithTheProvidersIssuerButAnotherSignatureIsRefused() throws Exception {
        Jwt genuine = keycloak.oidc().forUser(KeycloakRealm.User.OPERATOR).access();
        RsaJsonWebKey other = RsaJwkGenerator.generateJwk(2048);
        JwtClaims claims = JwtClaims.parse(genuine.claims().toString());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(other.getPrivateKey());
        // The provider's own key id, so the forgery is checked against the provider's real key.
        jws.setKeyIdHeaderValue(genuine.header().path("kid").asText());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        String forged = jws.getCompactSerialization();

        given().auth().oauth2(forged).delete(OPERATOR_ROUTE).then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer realm=\"kelvin\""));
        given().auth().oauth2(forged).get("/api/v1/points/latest").then().statusCode(401);
    }

    @Test
    void onlyTheProvidersVerifierTakesTheTokensOfItsCodeFlow() {
        // quarkus-oidc hands the code flow's ID token to the providers of TokenAuthenticationRequest; a second
        // one at the same priority (Kelvin's used to be one) gets it first in some app builds and refuses it.
        List<String> verifiers = identityProviders.stream()
                .filter(p -> p.getRequestType() == TokenAuthenticationRequest.class)
                .map(p -> p.getClass().getName()).toList();
        assertThat(verifiers).hasSize(1).allSatisfy(name -> assertThat(name).startsWith("io.quarkus.oidc."));
    }

    @Test
    void anExpiredTokenOfTheProviderIsRefused() throws Exception {
        // A client of the realm whose access tokens live one second (Keycloak's per-client lifespan).
        String admin = keycloak.oidc().admin().accessToken();
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(keycloak.baseUri() + "/admin/realms/" + KeycloakRealm.NAME + "/clients"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"clientId": "kelvin-short-lived", "secret": "short-lived-test-secret",
                         "publicClient": false, "standardFlowEnabled": false, "serviceAccountsEnabled": true,
                         "attributes": {"access.token.lifespan": "1"}}"""))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isIn(201, 409);
        TokenOutcome.Issued issued = keycloak.oidc().clientCredentials("kelvin-short-lived", "short-lived-test-secret")
                .issued();
        Instant expires = issued.access().expiresAt();
        assertThat(Duration.between(issued.access().issuedAt(), expires)).isLessThanOrEqualTo(Duration.ofSeconds(2));

        // Past its expiry and the 5 s the app allows for clock skew (quarkus.oidc.token.lifespan-grace).
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expires).toMillis()) + 6500);
        given().auth().oauth2(issued.accessToken()).get("/api/v1/points/latest").then().statusCode(401);
    }
}
