package io.kelvin.testkit;

import java.util.Set;

/**
 * What the test realm file {@code io/kelvin/testkit/keycloak/kelvin-test-realm.json} holds, as
 * types: the realm {@code kelvin}, its users and its clients with their known test passwords and
 * secrets, and the claim that carries Kelvin's roles. The realm file is the data; these constants
 * must agree with it, and {@code KeycloakServerTest} gets a token for every user and client here to
 * hold them to it.
 *
 * <p>Roles are realm roles named exactly like Kelvin's roles (VIEWER, OPERATOR, AUDITOR,
 * GRID_OPERATOR, PLATFORM, ADMIN). Every client has two protocol mappers: the realm roles go into
 * the {@link #ROLE_CLAIM} claim (a JSON array of strings) of access tokens, ID tokens and userinfo,
 * and access tokens carry the audience {@link #AUDIENCE}. The realm client scopes {@code read_all} and
 * {@code write_events} (OpenADR 3.1 scope names) go into the access token's {@code scope} claim of the
 * clients that have them as default scopes. Access tokens live
 * {@link #ACCESS_TOKEN_LIFESPAN_S} seconds.
 */
public final class KeycloakRealm {

    /** The realm's name; its issuer is {@code <server>/realms/kelvin}. */
    public static final String NAME = "kelvin";
    /** The token claim holding the subject's Kelvin roles (array of role names). */
    public static final String ROLE_CLAIM = "kelvin_roles";
    /** The audience ({@code aud}) every access token of the realm carries. */
    public static final String AUDIENCE = "kelvin";
    /** Access token lifetime set in the realm file ({@code accessTokenLifespan}), in seconds. */
    public static final int ACCESS_TOKEN_LIFESPAN_S = 120;
    /** Resource name of the realm file on the classpath. */
    public static final String RESOURCE = "/io/kelvin/testkit/keycloak/kelvin-test-realm.json";

    private KeycloakRealm() {
    }

    /** A person in the realm: enabled, profile complete, no required actions. */
    public enum User {
        VIEWER("viewer", "VIEWER"),
        OPERATOR("operator", "OPERATOR"),
        AUDITOR("auditor", "AUDITOR"),
        GRID_OPERATOR("grid-operator", "GRID_OPERATOR"),
        PLATFORM("platform", "PLATFORM"),
        ADMIN("admin", "ADMIN"),
        /** Logs in, but holds no Kelvin role: for "authenticated but forbidden" tests. */
        NO_ROLES("no-roles", null),
        /** Holds VIEWER but is disabled: Keycloak refuses every login and grant. */
        DISABLED("disabled", "VIEWER");

        private final String username;
        private final String role;

        User(String username, String role) {
            this.username = username;
            this.role = role;
        }

        public String username() {
            return username;
        }

        /** The known test password: {@code <username>-test-pw}. */
        public String password() {
            return username + "-test-pw";
        }

        /** The Kelvin roles in this user's tokens (empty for {@link #NO_ROLES}). */
        public Set<String> roles() {
            return role == null ? Set.of() : Set.of(role);
        }

        public String email() {
            return username + "@kelvin.test";
        }
    }

    /** A confidential client of the realm, authenticated by its secret. */
    public enum Client {
        /** The dashboard: authorization-code flow and (for tests) the password grant; no service account. */
        DASHBOARD("kelvin-dashboard", null),
        /** The grid operator's business logic: client credentials only; its tokens carry no OpenADR scope. */
        GRID_OPERATOR("kelvin-grid-operator", "GRID_OPERATOR"),
        /** A grid operator's machine whose tokens carry the OpenADR scopes {@code read_all write_events}. */
        GRID_OPERATOR_OADR("kelvin-grid-operator-oadr", "GRID_OPERATOR", "read_all", "write_events"),
        /** A grid operator's machine whose tokens carry only the OpenADR scope {@code read_all}. */
        GRID_OPERATOR_READ_ONLY("kelvin-grid-operator-read-only", "GRID_OPERATOR", "read_all"),
        /** The AI platform's scheduler: client credentials only. */
        PLATFORM("kelvin-platform", "PLATFORM"),
        /** A machine with a valid secret but no Kelvin role: client credentials only. */
        NO_ROLES("kelvin-no-roles", null);

        private final String clientId;
        private final String serviceAccountRole;
        private final Set<String> scopes;

        Client(String clientId, String serviceAccountRole, String... scopes) {
            this.clientId = clientId;
            this.serviceAccountRole = serviceAccountRole;
            this.scopes = Set.of(scopes);
        }

        public String clientId() {
            return clientId;
        }

        /** The known test secret: {@code <clientId>-test-secret}. */
        public String secret() {
            return clientId + "-test-secret";
        }

        /** Whether the client may use the client-credentials grant (it has a service account). */
        public boolean hasServiceAccount() {
            return this != DASHBOARD;
        }

        /** The Kelvin roles in the client's own (client-credentials) tokens. */
        public Set<String> serviceAccountRoles() {
            return serviceAccountRole == null ? Set.of() : Set.of(serviceAccountRole);
        }

        /**
         * The OpenADR scope names among the space-separated {@code scope} claim of the client's own tokens
         * (realm client scopes with {@code include.in.token.scope}, default scopes of the client; the claim
         * also names Keycloak's own default scopes such as {@code profile}).
         */
        public Set<String> openAdrScopes() {
            return scopes;
        }
    }
}
