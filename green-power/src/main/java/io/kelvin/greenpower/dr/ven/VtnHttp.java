package io.kelvin.greenpower.dr.ven;

import io.kelvin.greenpower.dr.oadr.OadrReader;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * HTTP to one VTN with the JDK's {@link HttpClient}: JSON bodies, a bearer token when given, a timeout
 * on every request. A status of 400 or above becomes a {@link VtnException} carrying the VTN's own
 * words; a transport failure becomes one with status 0.
 */
public final class VtnHttp {

    private final HttpClient client;
    private final URI base;
    private final Duration timeout;

    public VtnHttp(URI base, Duration timeout) {
        this.base = withSlash(base);
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public URI base() {
        return base;
    }

    /** The VTN's answer: status and body. */
    public record Answer(int status, String body) {
    }

    public Answer get(String path, Map<String, List<String>> query, Optional<String> bearer) {
        return send(request(path, query, bearer).GET());
    }

    public Answer post(String path, String json, Optional<String> bearer) {
        return send(request(path, Map.of(), bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer put(String path, String json, Optional<String> bearer) {
        return send(request(path, Map.of(), bearer).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A form post to an absolute URL (the token endpoint may live elsewhere). */
    public Answer postForm(URI url, Map<String, String> form) {
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(encode(k) + "=" + encode(v)));
        return send(HttpRequest.newBuilder(url).timeout(timeout).header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private HttpRequest.Builder request(String path, Map<String, List<String>> query, Optional<String> bearer) {
        StringJoiner params = new StringJoiner("&");
        query.forEach((k, values) -> values.forEach(v -> params.add(encode(k) + "=" + encode(v))));
        URI uri = base.resolve(path.replaceFirst("^/", "") + (params.length() == 0 ? "" : "?" + params));
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
        bearer.ifPresent(token -> builder.header("Authorization", "Bearer " + token));
        return builder;
    }

    private Answer send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new VtnException(request.method() + " " + request.uri().getPath() + ": VTN not reachable ("
                    + Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName()) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VtnException(request.method() + " " + request.uri().getPath() + ": interrupted", e);
        }
        if (response.statusCode() >= 400) {
            // A validating proxy or mock (Prism) lists the contract violations in sl-violations.
            String violations = response.headers().firstValue("sl-violations").map(OAuthError::violations).orElse("");
            throw new VtnException(response.statusCode(), request.method() + " " + request.uri().getPath() + ": "
                    + response.statusCode() + " " + words(response.body()) + violations);
        }
        return new Answer(response.statusCode(), response.body());
    }

    /** The VTN's words: a problem's detail or title, an OAuth2 error, else the start of the body. */
    static String words(String body) {
        Optional<String> problem = OadrReader.problem(body).map(p -> p.words() + OAuthError.validation(body));
        if (problem.isPresent()) {
            return problem.get();
        }
        Optional<String> oauth = OAuthError.words(body);
        return oauth.orElse(body.length() > 200 ? body.substring(0, 200) + "..." : body);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static URI withSlash(URI uri) {
        return uri.getPath() != null && uri.getPath().endsWith("/") ? uri : URI.create(uri + "/");
    }
}
