package io.kelvin.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * OIDC requests against a {@link KeycloakServer}'s test realm: its discovery document and JWKS,
 * and the token endpoint's grants (RFC 6749: password 4.3, client credentials 4.4, authorization
 * code 4.1.3, refresh 6). Clients authenticate with HTTP Basic ({@code client_secret_basic}, RFC
 * 6749 section 2.3.1), as quarkus-oidc does by default.
 */
public final class KeycloakOidc {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final KeycloakServer server;
    private final HttpClient http;

    KeycloakOidc(KeycloakServer server, HttpClient http) {
        this.server = server;
        this.http = http;
    }

    /** The realm's OpenID Provider metadata (OpenID Connect Discovery 1.0, section 4.2). */
    public JsonNode discovery() {
        return getJson(server.discoveryUri());
    }

    /** The realm's signing keys (RFC 7517 JWK Set). */
    public JsonNode jwks() {
        return getJson(server.jwksUri());
    }

    /** A user's tokens by the password grant through the dashboard client; fails when refused. */
    public TokenOutcome.Issued forUser(KeycloakRealm.User user) {
        return password(KeycloakRealm.Client.DASHBOARD, user.username(), user.password()).issued();
    }

    /** A machine client's own token by the client-credentials grant; fails when refused. */
    public TokenOutcome.Issued forClient(KeycloakRealm.Client client) {
        return clientCredentials(client.clientId(), client.secret()).issued();
    }

    /** Resource owner password credentials grant (RFC 6749 section 4.3), scope {@code openid}. */
    public TokenOutcome password(KeycloakRealm.Client client, String username, String password) {
        return grant(server.tokenEndpoint(), client.clientId(), client.secret(), Map.of(
                "grant_type", "password", "username", username, "password", password, "scope", "openid"));
    }

    /** Client credentials grant (RFC 6749 section 4.4). */
    public TokenOutcome clientCredentials(String clientId, String secret) {
        return grant(server.tokenEndpoint(), clientId, secret, Map.of("grant_type", "client_credentials"));
    }

    /** Exchanges an authorization code (RFC 6749 section 4.1.3). */
    public TokenOutcome authorizationCode(KeycloakRealm.Client client, String code, URI redirectUri) {
        return grant(server.tokenEndpoint(), client.clientId(), client.secret(), Map.of(
                "grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri.toString()));
    }

    /** Refreshes (RFC 6749 section 6). */
    public TokenOutcome refresh(KeycloakRealm.Client client, String refreshToken) {
        return grant(server.tokenEndpoint(), client.clientId(), client.secret(), Map.of(
                "grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    /**
     * A token of the master realm's administrator ({@link KeycloakServer#ADMIN_USERNAME}, public
     * client {@code admin-cli}) for Keycloak's admin REST API under {@code <base>/admin/realms/kelvin}.
     */
    public TokenOutcome.Issued admin() {
        URI endpoint = URI.create(server.baseUri() + "/realms/master/protocol/openid-connect/token");
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "password",
                        "client_id", "admin-cli", "username", KeycloakServer.ADMIN_USERNAME,
                        "password", KeycloakServer.ADMIN_PASSWORD))))
                .build();
        return outcome(send(request)).issued();
    }

    private TokenOutcome grant(URI endpoint, String clientId, String secret, Map<String, String> parameters) {
        String credentials = urlEncode(clientId) + ":" + urlEncode(secret);
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(form(parameters)))
                .build();
        return outcome(send(request));
    }

    private static TokenOutcome outcome(HttpResponse<String> response) {
        JsonNode body = parse(response.body());
        if (response.statusCode() == 200 && body.hasNonNull("access_token")) {
            return new TokenOutcome.Issued(body.get("access_token").asText(), optional(body, "id_token"),
                    optional(body, "refresh_token"), Duration.ofSeconds(body.path("expires_in").asLong()),
                    body.path("scope").asText(""));
        }
        return new TokenOutcome.Refused(response.statusCode(), body.path("error").asText(""),
                body.path("error_description").asText(""));
    }

    private JsonNode getJson(URI uri) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return parse(response.body());
    }

    private HttpResponse<String> send(HttpRequest request) {
        return send(http, request);
    }

    /** Sends a request and reads the body as a string; I/O failures and interrupts become unchecked. */
    static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + request.method() + " " + request.uri(), e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException notJson) {
            return JSON.createObjectNode().put("error_description", body);
        }
    }

    private static Optional<String> optional(JsonNode body, String field) {
        return body.hasNonNull(field) ? Optional.of(body.get(field).asText()) : Optional.empty();
    }

    static String form(Map<String, String> parameters) {
        return new LinkedHashMap<>(parameters).entrySet().stream()
                .map(entry -> urlEncode(entry.getKey()) + "=" + urlEncode(entry.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
