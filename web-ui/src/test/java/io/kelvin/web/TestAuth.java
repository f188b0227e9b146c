package io.kelvin.web;

import static io.restassured.RestAssured.given;

import io.kelvin.core.identity.Actor;
import io.kelvin.core.identity.Role;
import io.kelvin.identity.Accounts;
import io.kelvin.identity.Clients;
import io.quarkus.arc.Arc;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Credentials for tests against the running app: one client per role ({@code test-<role>}), created
 * through the app's own {@link Clients} and exchanged for a token at {@code POST /oauth/token} like any
 * machine would; and one user per role with a known password for browser tests.
 */
public final class TestAuth {

    /** Known to tests only; bcrypt cost is 4 in the test profile. */
    public static final String PASSWORD = "correct horse battery staple";
    private static final Duration REFRESH_AFTER = Duration.ofMinutes(4);
    private static final Map<Role, String> SECRETS = new EnumMap<>(Role.class);
    private static final Map<Role, String> TOKENS = new EnumMap<>(Role.class);
    private static final Map<Role, Instant> FETCHED = new EnumMap<>(Role.class);
    /** The app the caches belong to: a test profile restarts it with a new data dir, keys and database. */
    private static String dataDir;

    private TestAuth() {
    }

    public static String clientId(Role role) {
        return "test-" + role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** A request carrying a bearer token of {@code role}. */
    public static RequestSpecification as(Role role) {
        return given().auth().oauth2(token(role));
    }

    /** A current token for the role's test client (fetched again after four of its five minutes). */
    public static synchronized String token(Role role) {
        forgetOnRestart();
        Instant fetched = FETCHED.get(role);
        if (fetched == null || Instant.now().isAfter(fetched.plus(REFRESH_AFTER))) {
            TOKENS.put(role, given().auth().preemptive().basic(clientId(role), secret(role))
                    .formParam("grant_type", "client_credentials").post("/oauth/token")
                    .then().statusCode(200).extract().path("access_token"));
            FETCHED.put(role, Instant.now());
        }
        return TOKENS.get(role);
    }

    /** The secret of the role's test client, creating the client on first use. */
    public static synchronized String secret(Role role) {
        forgetOnRestart();
        return SECRETS.computeIfAbsent(role, r -> {
            Clients clients = Arc.container().instance(Clients.class).get();
            Actor by = Actor.system("test");
            return clients.find(clientId(r)).isPresent() ? clients.rotate(clientId(r), by, "-").secret()
                    : clients.add(clientId(r), r, Set.of(), by, "-").secret();
        });
    }

    private static void forgetOnRestart() {
        String current = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("kelvin.data-dir", String.class);
        if (!current.equals(dataDir)) {
            SECRETS.clear();
            TOKENS.clear();
            FETCHED.clear();
            dataDir = current;
        }
    }

    /** Makes (once) the user {@code user-<role>} with {@link #PASSWORD}, past its one-time password; returns the name. */
    public static synchronized String user(Role role) {
        String name = "user-" + role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        Accounts accounts = Arc.container().instance(Accounts.class).get();
        if (accounts.find(name).isEmpty()) {
            String oneTime = accounts.create(name, Set.of(role), Actor.system("test"), "-").oneTimePassword();
            accounts.changePassword(name, oneTime, PASSWORD, "-");
        }
        return name;
    }
}
