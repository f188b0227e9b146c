package io.kelvin.testkit;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.CookieStore;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OIDC authorization-code flow (OpenID Connect Core 1.0 section 3.1) run the way a browser
 * runs it, without one: follow redirects, and when Keycloak shows its login form, post the user's
 * credentials to the form's action, then follow the redirects back. One instance is one browser:
 * its cookie jar ({@link #httpClient()}) keeps Keycloak's SSO cookies and the application's session
 * cookie, so a test can go on calling the application as the logged-in user.
 *
 * <p>Cookies are kept per host, not per port (RFC 6265 section 8.5), so Keycloak's and the
 * application's cookies on 127.0.0.1 share one jar; their names differ. Like a browser, the jar
 * sends {@code Secure} cookies to plain-HTTP loopback (Keycloak marks its login cookies Secure).
 */
public final class BrowserlessLogin {

    private static final int MAX_HOPS = 20;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*\\bid=\"kc-form-login\"[^>]*>", Pattern.DOTALL);
    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]*)\"");
    /** A field's error (keycloak.v2 theme, field.ftl) or the page's alert (template.ftl). */
    private static final List<Pattern> ERRORS = List.of(
            Pattern.compile("id=\"input-error-[^\"]*\"[^>]*>\\s*<span[^>]*>\\s*([^<]+?)\\s*<"),
            Pattern.compile("kc-feedback-text\"[^>]*>\\s*([^<]+?)\\s*<"));

    private final KeycloakServer server;
    private final LoopbackCookies cookies = new LoopbackCookies();
    private final HttpClient http;

    BrowserlessLogin(KeycloakServer server) {
        this.server = server;
        this.http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(2)).build();
    }

    /** The browser's HTTP client: it sends the cookies this login collected and follows no redirect itself. */
    public HttpClient httpClient() {
        return http;
    }

    /** The cookies collected so far (Keycloak's and the application's). */
    public CookieStore cookies() {
        return cookies.store.getCookieStore();
    }

    /**
     * Opens {@code start} (e.g. a protected page of the application), logs in as {@code user} when
     * Keycloak asks, and follows redirects until a response that is not a redirect, or until a
     * redirect points at a URI {@code stopAt} accepts (that URI is not requested).
     */
    public LoginOutcome open(URI start, KeycloakRealm.User user, Predicate<URI> stopAt) {
        return open(start, user.username(), user.password(), stopAt);
    }

    /** As {@link #open(URI, KeycloakRealm.User, Predicate)}, with any username and password. */
    public LoginOutcome open(URI start, String username, String password, Predicate<URI> stopAt) {
        HttpRequest request = get(start);
        boolean submitted = false;
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            HttpResponse<String> response = send(request);
            URI uri = request.uri();
            Optional<String> location = response.headers().firstValue("Location");
            if (response.statusCode() / 100 == 3 && location.isPresent()) {
                URI next = uri.resolve(location.get());
                if (stopAt.test(next)) {
                    return new LoginOutcome.Reached(next);
                }
                request = get(next);
                continue;
            }
            Optional<URI> form = loginFormAction(uri, response);
            if (form.isEmpty()) {
                return new LoginOutcome.Landed(uri, response.statusCode(), response.body());
            }
            if (submitted) {
                return new LoginOutcome.Refused(uri, errorMessage(response.body()));
            }
            request = post(form.get(), Map.of("username", username, "password", password, "credentialId", ""));
            submitted = true;
        }
        throw new IllegalStateException("more than " + MAX_HOPS + " redirects from " + start);
    }

    /**
     * Runs the flow for {@code client} straight from Keycloak's authorization endpoint with
     * {@code scope=openid} and a fresh {@code state}, and stops at the redirect back to
     * {@code redirectUri}: the outcome is {@link LoginOutcome.Reached} with {@code code} and
     * {@code state} in its query when the login succeeded.
     */
    public LoginOutcome authorize(KeycloakRealm.Client client, URI redirectUri, KeycloakRealm.User user) {
        URI authorization = URI.create(server.authorizationEndpoint() + "?" + KeycloakOidc.form(Map.of(
                "response_type", "code", "client_id", client.clientId(), "redirect_uri", redirectUri.toString(),
                "scope", "openid", "state", UUID.randomUUID().toString())));
        String target = redirectUri.toString();
        return open(authorization, user, uri -> uri.toString().startsWith(target));
    }

    /** A query parameter of {@code uri}, decoded; empty when absent. */
    public static Optional<String> queryParameter(URI uri, String name) {
        String query = uri.getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        return Arrays.stream(query.split("&"))
                .map(pair -> pair.split("=", 2))
                .filter(pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8).equals(name))
                .map(pair -> pair.length == 2 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "")
                .findFirst();
    }

    private Optional<URI> loginFormAction(URI uri, HttpResponse<String> response) {
        boolean onKeycloak = uri.getPort() == server.baseUri().getPort() && uri.getPath().startsWith("/realms/");
        if (!onKeycloak || response.statusCode() != 200) {
            return Optional.empty();
        }
        Matcher form = LOGIN_FORM.matcher(response.body());
        if (!form.find()) {
            return Optional.empty();
        }
        Matcher action = ACTION.matcher(form.group());
        if (!action.find()) {
            throw new IllegalStateException("Keycloak's login form at " + uri + " has no action");
        }
        return Optional.of(uri.resolve(action.group(1).replace("&amp;", "&")));
    }

    private static String errorMessage(String page) {
        for (Pattern pattern : ERRORS) {
            Matcher error = pattern.matcher(page);
            if (error.find()) {
                return error.group(1).replace("&#39;", "'").replace("&amp;", "&");
            }
        }
        return "(no message on the page)";
    }

    private static HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
    }

    private static HttpRequest post(URI uri, Map<String, String> form) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(KeycloakOidc.form(form))).build();
    }

    private HttpResponse<String> send(HttpRequest request) {
        return KeycloakOidc.send(http, request);
    }

    /**
     * A cookie jar that treats loopback as a secure context, as browsers do (W3C Secure Contexts,
     * "potentially trustworthy origin"): {@code java.net.CookieManager} alone would never send a
     * {@code Secure} cookie over http, and Keycloak's login would fail with "cookie not found".
     */
    private static final class LoopbackCookies extends CookieHandler {

        private final CookieManager store = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
            return store.get(secured(uri), requestHeaders);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
            store.put(secured(uri), responseHeaders);
        }

        private static URI secured(URI uri) {
            boolean loopback = Set.of("127.0.0.1", "localhost", "[::1]").contains(uri.getHost());
            if (!"http".equals(uri.getScheme()) || !loopback) {
                return uri;
            }
            return URI.create("https" + uri.toString().substring("http".length()));
        }
    }
}
