package io.kelvin.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Keycloak fixture against the real server: grants, discovery, JWKS, role claim, refusals. */
class KeycloakServerTest {

    private static KeycloakServer keycloak;

    @BeforeAll
    static void startKeycloak() {
        keycloak = KeycloakServer.shared();
    }

    @Test
    void sharedServerIsStartedOncePerJvm() {
        assertThat(KeycloakServer.shared()).isSameAs(keycloak);
        assertThat(ProcessHandle.of(keycloak.pid())).hasValueSatisfying(kc -> assertThat(kc.isAlive()).isTrue());
    }

    @Test
    void discoveryDocumentNamesTheLoopbackIssuerAndEndpoints() {
        JsonNode discovery = keycloak.oidc().discovery();

        // OpenID Connect Discovery 1.0 section 4.3: issuer equals the URL the document was read under, minus the suffix.
        assertThat(discovery.path("issuer").asText()).isEqualTo(keycloak.issuer().toString())
                .startsWith("http://127.0.0.1:");
        assertThat(discovery.path("token_endpoint").asText()).isEqualTo(keycloak.tokenEndpoint().toString());
        assertThat(discovery.path("authorization_endpoint").asText()).isEqualTo(keycloak.authorizationEndpoint().toString());
        assertThat(discovery.path("jwks_uri").asText()).isEqualTo(keycloak.jwksUri().toString());
        assertThat(texts(discovery.path("grant_types_supported")))
                .contains("authorization_code", "client_credentials", "password", "refresh_token");
    }

    @Test
    void quarkusOidcPropertiesPointAtThisServerAsTheDashboardClient() {
        assertThat(keycloak.quarkusOidcProperties()).containsOnly(
                entry("quarkus.oidc.auth-server-url", keycloak.issuer().toString()),
                entry("quarkus.oidc.client-id", "kelvin-dashboard"),
                entry("quarkus.oidc.credentials.secret", "kelvin-dashboard-test-secret"),
                entry("quarkus.oidc.roles.role-claim-path", "kelvin_roles"),
                entry("quarkus.keycloak.devservices.enabled", "false"));
    }

    @ParameterizedTest
    @EnumSource(value = KeycloakRealm.Client.class, mode = EnumSource.Mode.EXCLUDE, names = "DASHBOARD")
    void clientCredentialsGrantCarriesTheMachineRoleInTheRoleClaim(KeycloakRealm.Client client) {
        TokenOutcome.Issued tokens = keycloak.oidc().forClient(client);

        Jwt access = tokens.access();
        assertThat(access.roles()).isEqualTo(client.serviceAccountRoles());
        assertThat(access.string("azp")).isEqualTo(client.clientId());
        assertThat(access.string("iss")).isEqualTo(keycloak.issuer().toString());
        assertThat(access.strings("aud")).contains(KeycloakRealm.AUDIENCE);
        assertThat(java.util.Arrays.asList(access.string("scope").split(" "))).as("scope")
                .containsAll(client.openAdrScopes()).doesNotContain("write_programs");
        // RFC 6749 section 4.4.3: no refresh token for client credentials.
        assertThat(tokens.refreshToken()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = KeycloakRealm.User.class, mode = EnumSource.Mode.EXCLUDE, names = "DISABLED")
    void passwordGrantCarriesTheUsersRolesInAccessAndIdTokens(KeycloakRealm.User user) {
        TokenOutcome.Issued tokens = keycloak.oidc().forUser(user);

        assertThat(tokens.access().roles()).isEqualTo(user.roles());
        assertThat(tokens.access().string("preferred_username")).isEqualTo(user.username());
        assertThat(tokens.access().strings("aud")).contains(KeycloakRealm.AUDIENCE);
        assertThat(tokens.id()).hasValueSatisfying(id -> {
            assertThat(id.roles()).isEqualTo(user.roles());
            assertThat(id.string("email")).isEqualTo(user.email());
        });
    }

    @Test
    void accessTokensLiveAsLongAsTheRealmSays() {
        TokenOutcome.Issued tokens = keycloak.oidc().forUser(KeycloakRealm.User.VIEWER);

        // The realm file's accessTokenLifespan, as exp - iat, and as expires_in (RFC 6749 section 5.1), which Keycloak
        // counts from when it answers: a second boundary passed between issuing and answering makes it one less.
        assertThat(tokens.expiresIn().toSeconds()).isBetween(KeycloakRealm.ACCESS_TOKEN_LIFESPAN_S - 1L,
                (long) KeycloakRealm.ACCESS_TOKEN_LIFESPAN_S);
        Jwt access = tokens.access();
        assertThat(access.expiresAt().getEpochSecond() - access.issuedAt().getEpochSecond())
                .isEqualTo(KeycloakRealm.ACCESS_TOKEN_LIFESPAN_S);
    }

    @Test
    void jwksPublishesTheKeyThatSignedTheAccessToken() throws GeneralSecurityException {
        Jwt access = keycloak.oidc().forClient(KeycloakRealm.Client.PLATFORM).access();
        JsonNode key = StreamSupport.stream(keycloak.oidc().jwks().path("keys").spliterator(), false)
                .filter(candidate -> candidate.path("kid").asText().equals(access.header().path("kid").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no JWK with the token's kid " + access.header()));

        // RFC 7518 section 3.3: RS256 is RSASSA-PKCS1-v1_5 with SHA-256 over "header.payload".
        assertThat(access.header().path("alg").asText()).isEqualTo("RS256");
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(rsaKey(key));
        rs256.update(access.signingInput().getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(access.signature())).isTrue();
    }

    @Test
    void wrongClientSecretIsRefusedWith401() {
        TokenOutcome outcome = keycloak.oidc().clientCredentials(KeycloakRealm.Client.PLATFORM.clientId(), "wrong");

        // RFC 6749 section 5.2: failed client authentication answers 401 when the client used HTTP Basic.
        // (The RFC's code is invalid_client; Keycloak 26 says unauthorized_client.)
        assertThat(outcome).isInstanceOfSatisfying(TokenOutcome.Refused.class, refused -> {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.error()).isIn("invalid_client", "unauthorized_client");
        });
    }

    @Test
    void wrongPasswordAndDisabledUserAreRefusedAsInvalidGrant() {
        KeycloakOidc oidc = keycloak.oidc();
        KeycloakRealm.User disabled = KeycloakRealm.User.DISABLED;

        // RFC 6749 section 5.2: bad resource-owner credentials are invalid_grant, 400.
        assertThat(oidc.password(KeycloakRealm.Client.DASHBOARD, "operator", "wrong"))
                .isInstanceOfSatisfying(TokenOutcome.Refused.class, refused -> {
                    assertThat(refused.status()).isEqualTo(400);
                    assertThat(refused.error()).isEqualTo("invalid_grant");
                });
        assertThat(oidc.password(KeycloakRealm.Client.DASHBOARD, disabled.username(), disabled.password()))
                .isInstanceOfSatisfying(TokenOutcome.Refused.class, refused -> {
                    assertThat(refused.status()).isEqualTo(400);
                    assertThat(refused.description()).containsIgnoringCase("disabled");
                });
    }

    @Test
    void dashboardClientHasNoServiceAccount() {
        KeycloakRealm.Client dashboard = KeycloakRealm.Client.DASHBOARD;

        // RFC 6749 section 5.2: a client not allowed this grant gets unauthorized_client.
        assertThat(keycloak.oidc().clientCredentials(dashboard.clientId(), dashboard.secret()))
                .isInstanceOfSatisfying(TokenOutcome.Refused.class,
                        refused -> assertThat(refused.error()).isEqualTo("unauthorized_client"));
    }

    @Test
    void masterRealmAdministratorReadsTheTestRealmThroughTheAdminApi() throws Exception {
        TokenOutcome.Issued admin = keycloak.oidc().admin();
        URI operator = URI.create(keycloak.baseUri() + "/admin/realms/kelvin/users?exact=true&username=operator");

        HttpResponse<String> users = HttpClient.newHttpClient().send(HttpRequest.newBuilder(operator)
                .header("Authorization", "Bearer " + admin.accessToken()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(admin.access().string("iss")).isEqualTo(keycloak.baseUri() + "/realms/master");
        assertThat(users.statusCode()).isEqualTo(200);
        assertThat(users.body()).contains("\"email\":\"" + KeycloakRealm.User.OPERATOR.email() + "\"");
    }

    @Test
    void listensOnLoopbackOnly() throws SocketException {
        int port = keycloak.baseUri().getPort();
        List<InetAddress> outside = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                .toList();

        for (InetAddress address : outside) {
            assertThat(connects(address, port)).as("port %d on %s", port, address).isFalse();
        }
        assertThat(connects(InetAddress.getLoopbackAddress(), port)).isTrue();
    }

    private static boolean connects(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static PublicKey rsaKey(JsonNode jwk) throws GeneralSecurityException {
        Base64.Decoder base64 = Base64.getUrlDecoder();
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, base64.decode(jwk.path("n").asText())),
                new BigInteger(1, base64.decode(jwk.path("e").asText()))));
    }

    private static Set<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText)
                .collect(Collectors.toSet());
    }

    static URI loopbackRedirect(String host) {
        return URI.create("http://" + host + ":" + FreePorts.loopback() + "/callback");
    }
}
