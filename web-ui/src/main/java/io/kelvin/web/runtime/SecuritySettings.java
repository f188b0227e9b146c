package io.kelvin.web.runtime;

import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings under {@code kelvin.security.*} (part of {@link KelvinSettings}); see web-ui/README.md, "Security". */
public interface SecuritySettings {

    /** Lifetime of the access tokens {@code POST /oauth/token} issues ({@code expires_in}). */
    @WithName("token-lifetime")
    @WithDefault("5m")
    Duration tokenLifetime();

    /** The {@code iss} claim of Kelvin's tokens; tokens of other issuers are left to OIDC, when configured. */
    @WithName("token-issuer")
    @WithDefault("kelvin")
    String tokenIssuer();

    /** bcrypt cost (log2 rounds) for new password and client-secret hashes; 12 takes 0.2-0.4 s here. */
    @WithName("bcrypt-cost")
    @WithDefault("12")
    int bcryptCost();

    /**
     * Host names (the Host header without its port) the app answers to; anything else gets 400, so a
     * DNS-rebinding page cannot reach a loopback-bound app. Add the site's DNS name when serving it.
     */
    @WithName("allowed-hosts")
    @WithDefault("localhost,127.0.0.1,[::1]")
    List<String> allowedHosts();

    /** Create one demo user and one demo client per role at start and write DATA_DIR/demo-credentials.json. */
    @WithName("demo-accounts")
    @WithDefault("false")
    boolean demoAccounts();

    /** Name of the ADMIN the first start creates when the database has no enabled ADMIN. */
    @WithName("first-admin")
    @WithDefault("admin")
    String firstAdmin();

    Login login();

    Oidc oidc();

    /** Slowing and locking failed logins (io.kelvin.identity.LoginPolicy). */
    interface Login {
        @WithName("slow-after")
        @WithDefault("3")
        int slowAfter();

        @WithName("first-delay")
        @WithDefault("1s")
        Duration firstDelay();

        @WithName("max-delay")
        @WithDefault("8s")
        Duration maxDelay();

        @WithName("lock-after")
        @WithDefault("5")
        int lockAfter();

        @WithName("lock-for")
        @WithDefault("15m")
        Duration lockFor();

        @WithDefault("15m")
        Duration window();
    }

    /**
     * Sites with an OpenID Connect identity provider (quarkus-oidc's default tenant, {@code quarkus.oidc.*}):
     * its bearer tokens on the API beside Kelvin's own, and a dashboard login through it beside the form.
     */
    interface Oidc {
        /** Turns the identity provider on ({@code quarkus.oidc.tenant-enabled} follows it); off by default. */
        @WithDefault("false")
        boolean enabled();

        /** The token claim holding the role names (a string or a list; {@code /} walks into nested claims). */
        @WithName("role-claim")
        @WithDefault("realm_access/roles")
        String roleClaim();

        /** Claim value to Kelvin role, e.g. {@code kelvin.security.oidc.role-map."dcim-ops"=OPERATOR}; unmapped values that name a role count as it. */
        @WithName("role-map")
        java.util.Map<String, io.kelvin.core.identity.Role> roleMap();

        /** What the login page's button to the identity provider says. */
        @WithName("login-label")
        @WithDefault("Log in with single sign-on")
        String loginLabel();
    }
}
