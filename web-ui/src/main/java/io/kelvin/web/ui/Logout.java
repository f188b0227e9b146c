package io.kelvin.web.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.VaadinSession;
import io.kelvin.core.identity.Actor;
import io.kelvin.core.identity.AuditEntry;
import io.kelvin.core.identity.AuditKind;
import io.kelvin.core.identity.AuditLog;
import io.kelvin.core.identity.Outcome;
import io.kelvin.web.security.SessionCookie;
import jakarta.servlet.http.Cookie;

/** Ends a dashboard session: the session cookie is removed, the Vaadin session closed, the browser sent to /login. */
final class Logout {

    /** quarkus-oidc's session cookie name for the default tenant. */
    static final String OIDC_SESSION_COOKIE = "q_session";

    private Logout() {
    }

    /** The user clicked "Log out" (a request is under way, so the cookie can be removed with it). */
    static void now(UI ui, String user, AuditLog audit) {
        VaadinServletResponse response = VaadinServletResponse.getCurrent();
        if (response != null) {
            Cookie expired = new Cookie(SessionCookie.NAME, "");
            expired.setPath("/");
            expired.setMaxAge(0);
            expired.setHttpOnly(true);
            response.addCookie(expired);
            // quarkus-oidc's session of a code-flow login (q_session, split into q_session_chunk_N when large).
            com.vaadin.flow.server.VaadinServletRequest current = com.vaadin.flow.server.VaadinServletRequest.getCurrent();
            Cookie[] cookies = current == null ? null : current.getCookies();
            for (Cookie cookie : cookies == null ? new Cookie[0] : cookies) {
                if (cookie.getName().startsWith(OIDC_SESSION_COOKIE)) {
                    Cookie gone = new Cookie(cookie.getName(), "");
                    gone.setPath("/");
                    gone.setMaxAge(0);
                    gone.setHttpOnly(true);
                    response.addCookie(gone);
                }
            }
        }
        com.vaadin.flow.server.VaadinRequest request = com.vaadin.flow.server.VaadinRequest.getCurrent();
        String address = request == null ? "-" : request.getRemoteAddr();
        audit.record(new AuditEntry(Actor.user(user), AuditKind.LOGOUT, user, address, Outcome.SUCCESS, ""));
        ended(ui);
    }

    /** The session must end (account disabled): close it and reload on the login page. */
    static void ended(UI ui) {
        ui.getPage().setLocation("/login");
        VaadinSession session = ui.getSession();
        if (session != null && session.getSession() != null) {
            session.getSession().invalidate();
        }
    }
}
