package io.kelvin.greenpower.feed;

import io.kelvin.core.site.Feed;
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
import java.util.Optional;
import java.util.function.Function;

/**
 * An HTTP GET with the JDK's {@link HttpClient}: the token read at each fetch (from its environment variable or the
 * first line of its file) and sent as a header or a query parameter, a request timeout, and any status but 200 an
 * error. Messages name the configured URL, which never holds the token, and at most 200 characters of an error body.
 */
public final class HttpFetcher implements FeedFetcher {

    private static final int MAX_BODY_IN_MESSAGE = 200;
    /** A year of 5-minute points in the most verbose format is a few MB; more is not a feed answer. */
    static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

    private final HttpClient client;
    private final Feed.HttpLocation location;
    private final Duration timeout;
    private final Function<String, Optional<String>> environment;

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
    public byte[] fetch() throws InterruptedException {
        URI url = location.url();
        HttpRequest.Builder request = HttpRequest.newBuilder().timeout(timeout).GET()
                .header("Accept", "application/json, application/xml, text/csv, */*");
        if (location.token().isPresent()) {
            Feed.Token token = location.token().get();
            String secret = secret(token);
            if (token.header().isPresent()) {
                request.header(token.header().get(), token.prefix() + secret);
            } else {
                String q = token.query().orElseThrow() + "=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
                url = URI.create(url + (url.getRawQuery() == null ? "?" : "&") + q);
            }
        }
        Answer answer = send(request.uri(url).build());
        int status = answer.status();
        byte[] bytes = answer.body();
        if (bytes.length > MAX_BODY_BYTES) {
            throw new FeedUnavailableException(location.url() + ": answer larger than " + MAX_BODY_BYTES / (1024 * 1024) + " MiB");
        }
        if (status != 200) {
            String body = new String(bytes, StandardCharsets.UTF_8);
            throw new FeedUnavailableException(location.url() + ": HTTP " + status
                    + (body.isBlank() ? "" : ": " + body.substring(0, Math.min(MAX_BODY_IN_MESSAGE, body.length())).strip()));
        }
        return bytes;
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
