package io.kelvin.testkit;

import java.net.URI;

/** Where a {@link BrowserlessLogin} ended. */
public sealed interface LoginOutcome {

    /** A redirect pointed at a URI the caller asked to stop at; that URI was not requested. */
    record Reached(URI uri) implements LoginOutcome {
    }

    /**
     * A response that was neither a redirect nor Keycloak's login form: the application's page
     * after login, or a Keycloak error page (an unregistered redirect URI answers 400).
     */
    record Landed(URI uri, int status, String body) implements LoginOutcome {
    }

    /** Keycloak showed its login form again after the credentials were sent, with this message. */
    record Refused(URI uri, String message) implements LoginOutcome {
    }
}
