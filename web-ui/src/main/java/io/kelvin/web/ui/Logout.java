package io.kelvin.web.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.VaadinSession;
import io.kelvin.core.identity.Actor;
import io.kelvin.core.identity.AuditEntry;
import io.kelvin.core.identity.AuditKind;
import io.kelvin.core.identity.AuditLog;
import io.kelvin.core.identity.Outcome;
import io.kelvin.web.security.OidcIdentities;
import io.kelvin.web.security.OidcLogin;
import io.kelvin.web.security.SessionCookie;
import jakarta.servlet.http.Cookie;

/**
 * Ends a dashboard session: the session cookie is removed, the Vaadin session closed, the browser sent to /login
 * (through the identity provider's logout for someone it vouches for).
 */
final class Logout {

    /** quarkus-oidc's session cookie name for the default tenant. */
    static final String OIDC_SESSION_COOKIE = "q_session";

    private Logout() {
    }

    /**
     * The user clicked "Log out" (a request is under way, so the cookie can be removed with it). Someone the
     * identity provider vouches for goes on to {@link OidcLogin#LOGOUT_PATH}, where quarkus-oidc ends the
     * provider's session too (RP-initiated logout; it needs its session cookie for that, and audits it).
     */
    static void now(UI ui, String user, AuditLog audit) {
        boolean external = OidcIdentities.isExternal(user);
        VaadinServletResponse response = VaadinServletResponse.getCurrent();
        if (response != null) {
            expire(response, SessionCookie.NAME);
            // A local account's leftover quarkus-oidc session (q_session, split into q_session_chunk_N when large).
            com.vaadin.flow.server.VaadinServletRequest current = com.vaadin.flow.server.VaadinServletRequest.getCurrent();
            Cookie[] cookies = current == null ? null : current.getCookies();
            for (Cookie cookie : cookies == null || external ? new Cookie[0] : cookies) {
                if (cookie.getName().startsWith(OIDC_SESSION_COOKIE)) {
                    expire(response, cookie.getName());
                }
            }
        }
        if (external) {
            close(ui, OidcLogin.LOGOUT_PATH);
            return;
        }
        com.vaadin.flow.server.VaadinRequest request = com.vaadin.flow.server.VaadinRequest.getCurrent();
        String address = request == null ? "-" : request.getRemoteAddr();
        audit.record(new AuditEntry(Actor.user(user), AuditKind.LOGOUT, user, address, Outcome.SUCCESS, ""));
        ended(ui);
    }

    private static void expire(VaadinServletResponse response, String name) {
        Cookie gone = new Cookie(name, "");
        gone.setPath("/");
        gone.setMaxAge(0);
        gone.setHttpOnly(true);
        response.addCookie(gone);
    }

    /** The session must end (account disabled): close it and reload on the login page. */
    static void ended(UI ui) {
        close(ui, "/login");
    }

    private static void close(UI ui, String next) {
        ui.getPage().setLocation(next);
        VaadinSession session = ui.getSession();
        if (session != null && session.getSession() != null) {
            session.getSession().invalidate();
        }
    }
}
