package io.kelvin.web.security;

import io.kelvin.web.api.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Security refusals as {@code application/problem+json}: 401 with {@code WWW-Authenticate: Bearer}
 * (RFC 6750 section 3; {@code error="invalid_token"} when a token was sent but refused) and 403 when the
 * caller's roles do not allow the route. Elsewhere a refused login form goes back to {@code /login-error}
 * and a refused session cookie sends the browser to the login page.
 */
@ApplicationScoped
public class SecurityProblems {

    static final String CHALLENGE = "Bearer realm=\"kelvin\"";
    static final String INVALID_TOKEN = CHALLENGE + ", error=\"invalid_token\"";

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, io.vertx.core.http.HttpServerRequest request) {
        return problem(401, "Authentication required: send 'Authorization: Bearer <token>' (POST /oauth/token).",
                request.path()).header("WWW-Authenticate", CHALLENGE).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, io.vertx.core.http.HttpServerRequest request) {
        return problem(403, "Your role does not allow this request.", request.path()).build();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, io.vertx.core.http.HttpServerRequest request) {
        return problem(401, "The token was refused: " + safe(e), request.path())
                .header("WWW-Authenticate", INVALID_TOKEN).build();
    }

    /** Proactive authentication fails before JAX-RS runs; those failures are answered here. */
    void failureHandler(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).failureHandler(this::onFailure);
    }

    private void onFailure(RoutingContext context) {
        if (!(context.failure() instanceof AuthenticationFailedException failure) || context.response().ended()) {
            context.next();
            return;
        }
        String path = context.normalizedPath();
        if (path.startsWith("/api/") || path.startsWith("/oauth/") || path.startsWith("/q/")) {
            Problem body = new Problem("about:blank", "Unauthorized", 401, "The credentials were refused: " + safe(failure),
                    path);
            context.response().setStatusCode(401)
                    .putHeader("WWW-Authenticate", INVALID_TOKEN)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(Json.encode(body));
        } else {
            // A refused login form goes back to the form with its error; a dashboard page with a session
            // cookie the server no longer accepts (user disabled) goes to the login page.
            String location = path.equals("/j_security_check") ? "/login-error" : "/login";
            context.response().setStatusCode(302)
                    .putHeader(HttpHeaders.LOCATION, location)
                    .putHeader(HttpHeaders.SET_COOKIE, SessionCookie.EXPIRED)
                    .end();
        }
    }

    private static String safe(AuthenticationFailedException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() || message.contains("Exception") ? "not valid." : message + ".";
    }

    private static Response.ResponseBuilder problem(int status, String detail, String path) {
        Response.Status s = Response.Status.fromStatusCode(status);
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", s.getReasonPhrase(), status, detail, path));
    }
}
