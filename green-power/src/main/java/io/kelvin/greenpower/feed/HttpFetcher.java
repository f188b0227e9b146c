package io.kelvin.greenpower.feed;

import io.kelvin.core.site.Feed;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

/**
 * An HTTP GET with the JDK's {@link HttpClient}: the token read at each fetch (from its environment variable or the
 * first line of its file) and sent as a header or a query parameter, a request timeout, and any status but 200 an
 * error. A token with a login is obtained by logging in (HTTP Basic) and kept until the feed answers 401, when one
 * new login and one retry follow; no clock is needed for its 30-minute life. Messages name the configured URL, which never holds the token, and at most 200 characters of an error body.
 */
public final class HttpFetcher implements FeedFetcher {

    private static final int MAX_BODY_IN_MESSAGE = 200;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A year of 5-minute points in the most verbose format is a few MB; more is not a feed answer. */
    static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

    private final HttpClient client;
    private final Feed.HttpLocation location;
    private final Duration timeout;
    private final Function<String, Optional<String>> environment;
    private volatile String loginToken;

    public HttpFetcher(HttpClient client, Feed.HttpLocation location, Duration timeout,
                       Function<String, Optional<String>> environment) {
        this.client = client;
        this.location = location;
        this.timeout = timeout;
        this.environment = environment;
    }

    /** Reads tokens from the process environment. */
    public static Function<String, Optional<String>> processEnvironment() {
        return name -> Optional.ofNullable(System.getenv(name));
    }

    @Override
    public byte[] fetch(Instant now) throws InterruptedException {
        Answer answer = send(request(now));
        if (answer.status() == 401 && location.token().flatMap(Feed.Token::login).isPresent()) {
            loginToken = null;
            answer = send(request(now));
        }
        if (answer.body().length > MAX_BODY_BYTES) {
            throw new FeedUnavailableException(location.url() + ": answer larger than " + MAX_BODY_BYTES / (1024 * 1024) + " MiB");
        }
        if (answer.status() != 200) {
            throw new FeedUnavailableException(location.url() + ": HTTP " + answer.status() + excerpt(answer.body()));
        }
        return answer.body();
    }

    private HttpRequest request(Instant now) throws InterruptedException {
        URI url = location.url().expand(now);
        HttpRequest.Builder request = HttpRequest.newBuilder().timeout(timeout).GET()
                .header("Accept", "application/json, application/xml, text/csv, */*");
        if (location.token().isPresent()) {
            Feed.Token token = location.token().get();
            String secret = token.login().isPresent() ? loginToken(token) : secret(token);
            if (token.header().isPresent()) {
                request.header(token.header().get(), token.prefix() + secret);
            } else {
                String q = token.query().orElseThrow() + "=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
                url = URI.create(url + (url.getRawQuery() == null ? "?" : "&") + q);
            }
        }
        return request.uri(url).build();
    }

    /** The token of the last login, or a new login's (HTTP Basic with the user and the secret as password). */
    private synchronized String loginToken(Feed.Token token) throws InterruptedException {
        if (loginToken != null) {
            return loginToken;
        }
        Feed.Login login = token.login().orElseThrow();
        String basic = Base64.getEncoder().encodeToString((login.user() + ":" + secret(token)).getBytes(StandardCharsets.UTF_8));
        Answer answer = send(HttpRequest.newBuilder(login.url()).timeout(timeout).GET()
                .header("Authorization", "Basic " + basic).build());
        if (answer.status() != 200) {
            throw new FeedUnavailableException("login at " + login.url() + ": HTTP " + answer.status() + excerpt(answer.body()));
        }
        try {
            String fresh = JSON.readTree(answer.body()).path("token").asText("");
            if (fresh.isBlank()) {
                throw new FeedUnavailableException("login at " + login.url() + ": the answer has no token");
            }
            loginToken = fresh;
            return fresh;
        } catch (IOException e) {
            throw new FeedUnavailableException("login at " + login.url() + ": the answer is not JSON");
        }
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "" : ": " + text.substring(0, Math.min(MAX_BODY_IN_MESSAGE, text.length())).strip();
    }

    private record Answer(int status, byte[] body) {
    }

    private Answer send(HttpRequest request) throws InterruptedException {
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                return new Answer(response.statusCode(), in.readNBytes(MAX_BODY_BYTES + 1));
            }
        } catch (HttpTimeoutException e) {
            throw new FeedUnavailableException(location.url() + ": no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            throw new FeedUnavailableException(location.url() + ": " + e.getClass().getSimpleName()
                    .replace("Exception", "") + " " + Optional.ofNullable(e.getMessage()).orElse(""), e);
        } catch (IllegalArgumentException e) {
            throw new FeedUnavailableException(location.url() + ": cannot send the request: " + e.getMessage(), e);
        }
    }

    private String secret(Feed.Token token) {
        if (token.env().isPresent()) {
            return environment.apply(token.env().get()).filter(s -> !s.isBlank()).orElseThrow(() ->
                    new FeedUnavailableException(location.url() + ": token variable " + token.env().get() + " is not set"));
        }
        Path file = token.file().orElseThrow();
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().map(String::strip)
                    .filter(s -> !s.isEmpty()).orElseThrow(() ->
                            new FeedUnavailableException(location.url() + ": token file " + file + " is empty"));
        } catch (IOException e) {
            throw new FeedUnavailableException(location.url() + ": token file " + file + " cannot be read");
        }
    }
}
