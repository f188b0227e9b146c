package io.kelvin.web.security;

import io.kelvin.web.api.Problem;
import io.kelvin.web.runtime.KelvinSettings;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * HTTP rules every response follows, ahead of authentication and of every route:
 * <ul>
 *   <li>only the configured host names are answered ({@code kelvin.security.allowed-hosts}; others get 400),
 *       so a DNS-rebinding page cannot reach a loopback-bound app;</li>
 *   <li>security headers on every response: a Content-Security-Policy Vaadin Flow works under (it needs
 *       inline and eval'd scripts and a WebSocket for push), {@code frame-ancestors 'none'} and
 *       {@code X-Frame-Options: DENY}, {@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy:
 *       no-referrer}, and HSTS on HTTPS;</li>
 *   <li>{@code /q/health} answers GET and HEAD only (405 otherwise), and paths under {@code /api/} and
 *       {@code /q/} that no resource serves are 404 problem+json instead of falling through to the
 *       dashboard (the REST layer hands requests it has no resource for on to the Vaadin servlet).</li>
 * </ul>
 */
@ApplicationScoped
public class HttpHardening {

    static final String CSP = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self' ws: wss:; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";
    static final String HSTS = "max-age=31536000";
    /**
     * After the REST routes (order 1500 beside a servlet) and Quarkus' own routes (health, metrics,
     * openapi), before the default route (10000: the Vaadin servlet).
     */
    static final int FALLBACK_ORDER = 9_000;

    private final Set<String> allowedHosts;

    HttpHardening(KelvinSettings settings) {
        this.allowedHosts = settings.security().allowedHosts().stream().map(h -> h.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    void routes(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(this::hostAndHeaders);
        router.route("/q/health*").order(Integer.MIN_VALUE + 3).handler(this::healthMethods);
        router.route("/q/*").order(FALLBACK_ORDER).handler(c -> problem(c, 404, "No resource at this path."));
        router.route("/api/*").order(FALLBACK_ORDER).handler(c -> problem(c, 404, "No resource at this path."));
    }

    private void hostAndHeaders(RoutingContext context) {
        var response = context.response();
        response.putHeader("Content-Security-Policy", CSP)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "no-referrer");
        if (context.request().isSSL()) {
            response.putHeader("Strict-Transport-Security", HSTS);
        }
        String host = requestedHost(context.request());
        if (!allowedHosts.contains(host)) {
            problem(context, 400, "host: '" + host + "' is not an allowed host name (kelvin.security.allowed-hosts).");
            return;
        }
        context.next();
    }

    private void healthMethods(RoutingContext context) {
        HttpMethod method = context.request().method();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
            context.next();
            return;
        }
        context.response().putHeader(HttpHeaders.ALLOW, "GET, HEAD");
        problem(context, 405, "Health checks are read with GET.");
    }

    /** The host the client asked for: HTTP/2's :authority or HTTP/1.1's Host, without the port. */
    static String requestedHost(io.vertx.core.http.HttpServerRequest request) {
        io.vertx.core.net.HostAndPort authority = request.authority();
        if (authority == null) {
            return hostName(request.getHeader(HttpHeaders.HOST));
        }
        String host = authority.host().toLowerCase(Locale.ROOT);
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** The Host header without its port, lower case; IPv6 literals keep their brackets. */
    static String hostName(String header) {
        if (header == null || header.isBlank()) {
            return "";
        }
        String host = header.trim().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    static void problem(RoutingContext context, int status, String detail) {
        String title = io.netty.handler.codec.http.HttpResponseStatus.valueOf(status).reasonPhrase();
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(Json.encode(new Problem("about:blank", title, status, detail, context.normalizedPath())));
    }
}
