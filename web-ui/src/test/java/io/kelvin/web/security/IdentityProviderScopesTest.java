package io.kelvin.web.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.kelvin.core.identity.Role;
import io.kelvin.testkit.KeycloakRealm;
import io.kelvin.testkit.KeycloakServer;
import io.kelvin.testkit.RequiresKeycloak;
import io.kelvin.web.TestAuth;
import io.kelvin.web.WithKeycloak;
import io.kelvin.web.api.GridApiResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The site's identity provider vouches for a grid operator's machine: the OpenADR scopes in its access
 * token's {@code scope} claim open Kelvin's grid API as a Kelvin client's scopes do, and a scope the
 * token does not carry is refused by name.
 */
@QuarkusTest
@TestProfile(WithKeycloak.class)
@RequiresKeycloak
class IdentityProviderScopesTest {

    private static final String BASE = GridApiResource.BASE;

    private final KeycloakServer keycloak = KeycloakServer.shared();

    private String token(KeycloakRealm.Client client) {
        return keycloak.oidc().forClient(client).accessToken();
    }

    /** A program of Kelvin's grid API, made with a Kelvin client's own GRID_OPERATOR token. */
    private static String program() {
        return given().auth().oauth2(TestAuth.token(Role.GRID_OPERATOR)).basePath(BASE).contentType("application/json")
                .body("""
                        {"programName": "IDP-%s", "payloadDescriptors": [{"objectType": "EVENT_PAYLOAD_DESCRIPTOR",
                         "payloadType": "IMPORT_CAPACITY_LIMIT", "units": "KW"}]}""".formatted(UUID.randomUUID()))
                .post("/programs").then().statusCode(201).extract().path("id");
    }

    private static String capEvent(String programId, String name) {
        Instant start = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.HOURS);
        return """
                {"programID": "%s", "eventName": "%s", "priority": 0,
                 "intervalPeriod": {"start": "%s", "duration": "PT1H"},
                 "intervals": [{"id": 0, "payloads": [{"type": "IMPORT_CAPACITY_LIMIT", "values": [8000]}]}]}"""
                .formatted(programId, name, start);
    }

    @Test
    void theProvidersTokensCarryTheOpenAdrScopesOfTheirClient() {
        for (KeycloakRealm.Client client : new KeycloakRealm.Client[] {
                KeycloakRealm.Client.GRID_OPERATOR_OADR, KeycloakRealm.Client.GRID_OPERATOR_READ_ONLY}) {
            String scope = keycloak.oidc().forClient(client).access().claims().path("scope").asText();
            assertThat(Arrays.asList(scope.split(" "))).as(client.clientId())
                    .containsAll(client.openAdrScopes()).doesNotContain("write_programs");
        }
        String plain = keycloak.oidc().forClient(KeycloakRealm.Client.GRID_OPERATOR).access().claims().path("scope")
                .asText();
        assertThat(Arrays.asList(plain.split(" "))).doesNotContain("read_all", "write_events");
    }

    @Test
    void aGridOperatorMachineOfTheProviderWithReadAllAndWriteEventsReadsProgramsAndWritesAnEvent() {
        String machine = token(KeycloakRealm.Client.GRID_OPERATOR_OADR);
        String programId = program();
        given().auth().oauth2(machine).get(BASE + "/programs").then().log().ifValidationFails().statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItem(programId));

        String id = given().auth().oauth2(machine).contentType("application/json")
                .body(capEvent(programId, "provider peak cut")).post(BASE + "/events").then().log().ifValidationFails()
                .statusCode(201).body("programID", equalTo(programId)).extract().path("id");
        given().auth().oauth2(machine).get(BASE + "/events/" + id).then().statusCode(200)
                .body("eventName", equalTo("provider peak cut"));
        given().auth().oauth2(machine).delete(BASE + "/events/" + id).then().statusCode(200);
    }

    @Test
    void aGridOperatorMachineOfTheProviderWithoutWriteEventsReadsButGets403NamingTheScope() {
        String machine = token(KeycloakRealm.Client.GRID_OPERATOR_READ_ONLY);
        String programId = program();
        given().auth().oauth2(machine).get(BASE + "/programs").then().statusCode(200);
        given().auth().oauth2(machine).contentType("application/json").body(capEvent(programId, "refused"))
                .post(BASE + "/events").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("needs the OpenADR scope write_events"));
    }

    @Test
    void aGridOperatorMachineOfTheProviderWhoseTokenCarriesNoOpenAdrScopeGetsNoneInvented() {
        String machine = token(KeycloakRealm.Client.GRID_OPERATOR);
        given().auth().oauth2(machine).get(BASE + "/programs").then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("read_targets (or read_all)"));
    }
}
