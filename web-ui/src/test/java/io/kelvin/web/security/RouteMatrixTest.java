package io.kelvin.web.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.core.identity.Role;
import io.kelvin.identity.Clients;
import io.kelvin.identity.token.AccessTokens;
import io.kelvin.identity.token.SigningKeys;
import io.kelvin.web.TempDataDir;
import io.kelvin.web.TestAuth;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Holds the running app to the route matrix in web-ui/README.md: every route of the OpenAPI document
 * has a row and every REST row a route; every token route answers every role as the row says (403 when
 * not allowed), and 401 without a token, with an expired one or one signed by another key, and 403 with
 * a token whose scope grants no role.
 */
@QuarkusTest
@WithTestResource(value = TempDataDir.class, scope = TestResourceScope.GLOBAL)
class RouteMatrixTest {

    private static final Set<String> HTTP_METHODS = Set.of("get", "post", "put", "delete", "patch");

    @Inject
    Clients clients;

    private final RouteMatrix matrix = RouteMatrix.read();

    @Test
    void everyRouteOfTheOpenApiDocumentIsInTheMatrixAndEveryRestRowIsARoute() {
        Map<String, Map<String, Object>> paths = TestAuth.as(Role.ADMIN).accept("application/json")
                .get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath().getMap("paths");
        Set<String> served = new TreeSet<>();
        paths.forEach((path, methods) -> methods.keySet().stream().filter(HTTP_METHODS::contains)
                .forEach(m -> served.add(m.toUpperCase(java.util.Locale.ROOT) + " " + path)));
        Set<String> documented = new TreeSet<>();
        matrix.rules().stream().filter(r -> r.path().startsWith("/api/") || r.path().startsWith("/oauth/")
                        || r.path().startsWith("/openadr/"))
                .forEach(r -> documented.add(r.key()));

        assertThat(served).as("routes the app serves but web-ui/README.md's matrix lacks")
                .isSubsetOf(documented);
        assertThat(documented).as("matrix rows the app does not serve").isSubsetOf(served);
    }

    @Test
    void everyTokenRouteAnswersEveryRoleAsTheMatrixSays() {
        List<String> wrong = new ArrayList<>();
        for (RouteMatrix.Rule rule : tokenRules()) {
            for (Role role : Role.values()) {
                int status = call(TestAuth.as(role), rule);
                boolean allowed = rule.roles().contains(role);
                if (allowed ? status == 401 || status == 403 : status != 403) {
                    wrong.add(rule.key() + " as " + role + ": " + status + (allowed ? " (allowed)" : " (want 403)"));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyTokenRouteRefusesMissingExpiredForgedAndScopelessTokens() {
        Tokens bad = badTokens();
        List<String> wrong = new ArrayList<>();
        for (RouteMatrix.Rule rule : tokenRules()) {
            expect(wrong, rule, "no token", call(given(), rule), 401);
            expect(wrong, rule, "expired", call(given().auth().oauth2(bad.expired()), rule), 401);
            expect(wrong, rule, "other key", call(given().auth().oauth2(bad.forged()), rule), 401);
            expect(wrong, rule, "no role's scope", call(given().auth().oauth2(bad.scopeless()), rule), 403);
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void openRoutesAnswerWithoutAToken() {
        for (RouteMatrix.Rule rule : matrix.rules()) {
            if (rule.credential().equals("none") && !rule.method().equals("VIEW")) {
                assertThat(call(given(), rule)).as(rule.key()).isEqualTo(200);
            }
        }
    }

    private List<RouteMatrix.Rule> tokenRules() {
        List<RouteMatrix.Rule> rules = matrix.rules().stream().filter(r -> r.credential().equals("token")).toList();
        assertThat(rules).hasSizeGreaterThan(20);
        return rules;
    }

    private static void expect(List<String> wrong, RouteMatrix.Rule rule, String what, int status, int want) {
        if (status != want) {
            wrong.add(rule.key() + " with " + what + ": " + status + " (want " + want + ")");
        }
    }

    /** Calls the route with harmless arguments: ids that do not exist, empty bodies (so nothing changes). */
    private static int call(RequestSpecification request, RouteMatrix.Rule rule) {
        String path = rule.path().replace("{point}", "matrix.none").replaceAll("\\{[^}]+}", "matrix-none");
        if (rule.method().equals("POST") || rule.method().equals("PUT")) {
            request = request.contentType("application/json").body("{}");
        }
        return request.redirects().follow(false).request(rule.method(), path).statusCode();
    }

    private record Tokens(String expired, String forged, String scopeless) {
    }

    private Tokens badTokens() {
        Path keys = Path.of(ConfigProvider.getConfig().getValue("kelvin.data-dir", String.class)).toAbsolutePath()
                .resolve("keys");
        String issuer = ConfigProvider.getConfig().getOptionalValue("kelvin.security.token-issuer", String.class)
                .orElse("kelvin");
        TestAuth.secret(Role.ADMIN);
        var client = clients.find(TestAuth.clientId(Role.ADMIN)).orElseThrow();
        SigningKeys ours = SigningKeys.loadOrCreate(keys);
        InstantSource hourAgo = InstantSource.fixed(Instant.now().minus(Duration.ofHours(1)));
        return new Tokens(
                new AccessTokens(ours, issuer, Duration.ofMinutes(5), hourAgo).issue(client, Set.of("kelvin:admin")).token(),
                new AccessTokens(SigningKeys.generate(), issuer, Duration.ofMinutes(5), InstantSource.system())
                        .issue(client, Set.of("kelvin:admin")).token(),
                new AccessTokens(ours, issuer, Duration.ofMinutes(5), InstantSource.system())
                        .issue(client, Set.of("kelvin:nothing")).token());
    }
}
