package io.kelvin.web;

import io.kelvin.testkit.KeycloakServer;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;

/**
 * The app with the test realm of testkit's shared Keycloak as its identity provider: quarkus-oidc's
 * settings for the dashboard client ({@link KeycloakServer#quarkusOidcProperties()}, roles from the
 * realm's {@code kelvin_roles} claim) and {@code kelvin.security.oidc.enabled}. Put
 * {@code @RequiresKeycloak} on the test class, so the server is up (or the class skipped) before this
 * profile is read.
 */
public class WithKeycloak implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(KeycloakServer.shared().quarkusOidcProperties());
        config.put("kelvin.security.oidc.enabled", "true");
        config.put("kelvin.security.oidc.role-claim", config.remove("quarkus.oidc.roles.role-claim-path"));
        return config;
    }
}
