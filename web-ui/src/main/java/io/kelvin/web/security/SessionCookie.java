package io.kelvin.web.security;

/** The dashboard's session cookie (Quarkus form authentication, {@code quarkus.http.auth.form.cookie-name}). */
public final class SessionCookie {

    public static final String NAME = "kelvin-session";
    /** A Set-Cookie value that removes it. */
    public static final String EXPIRED = NAME + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict";

    private SessionCookie() {
    }
}
