package io.kelvin.greenpower.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kelvin.core.site.Feed;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** WattTime v3's login: GET /login with HTTP Basic answers {"token": ...}; the data endpoints want it as a Bearer. */
class WattTimeLoginTest {

    private final HttpServer server;
    private final AtomicInteger logins = new AtomicInteger();
    private volatile String valid = "";

    WattTimeLoginTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/login", ex -> {
            String expected = "Basic " + Base64.getEncoder().encodeToString("kelvin:s3cret".getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                answer(ex, 403, "{\"error\":\"bad credentials\"}");
                return;
            }
            valid = "token-" + logins.incrementAndGet();
            answer(ex, 200, "{\"token\":\"" + valid + "\"}");
        });
        server.createContext("/v3/forecast", ex -> {
            boolean ok = ("Bearer " + valid).equals(ex.getRequestHeaders().getFirst("Authorization"));
            answer(ex, ok ? 200 : 401, ok ? "{\"data\":[],\"meta\":{\"units\":\"lbs_co2_per_mwh\"}}" : "");
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    private HttpFetcher fetcher(String password) {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        Feed.Token token = new Feed.Token(Optional.of("WT_PASSWORD"), Optional.empty(), Optional.of("Authorization"),
                "Bearer ", Optional.empty(), Optional.of(new Feed.Login(base.resolve("/login"), "kelvin")));
        return new HttpFetcher(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                new Feed.HttpLocation(base.resolve("/v3/forecast?region=CAISO_NORTH"), Optional.of(token)),
                Duration.ofSeconds(5), name -> Optional.ofNullable(Map.of("WT_PASSWORD", password).get(name)));
    }

    @Test
    void theTokenComesFromALoginAndIsKeptUntilTheApiSays401() throws InterruptedException {
        HttpFetcher wattTime = fetcher("s3cret");

        wattTime.fetch(java.time.Instant.EPOCH);
        wattTime.fetch(java.time.Instant.EPOCH);
        assertThat(logins).hasValue(1);

        // The token expired (WattTime: after 30 minutes): one new login, one retry.
        valid = "expired-elsewhere";
        assertThat(new String(wattTime.fetch(java.time.Instant.EPOCH), StandardCharsets.UTF_8)).contains("\"data\"");
        assertThat(logins).hasValue(2);
    }

    @Test
    void aRefusedLoginIsTheFeedsProblemWithoutThePassword() {
        assertThatThrownBy(() -> fetcher("wrong").fetch(java.time.Instant.EPOCH)).isInstanceOf(FeedUnavailableException.class)
                .hasMessageContaining("/login: HTTP 403").hasMessageNotContaining("wrong");
    }
}
