package io.kelvin.greenpower.feed;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A JDK HTTP server on a free loopback port that answers every GET with the recorded response set last (status, body,
 * delay), and remembers the last request's URI and headers. Closed by the test.
 */
final class RecordedServer implements AutoCloseable {

    record Answer(int status, String body, long delayMs) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final AtomicReference<Answer> answer = new AtomicReference<>(new Answer(404, "", 0));
    private final AtomicReference<URI> lastUri = new AtomicReference<>();
    private final AtomicReference<String> lastToken = new AtomicReference<>();
    private final AtomicInteger requests = new AtomicInteger();

    RecordedServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            lastUri.set(exchange.getRequestURI());
            lastToken.set(exchange.getRequestHeaders().getFirst("auth-token"));
            Answer a = answer.get();
            try {
                Thread.sleep(a.delayMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(a.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            } catch (IOException clientGone) {
                // The client timed out and closed the connection: nothing to answer to.
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    void answer(int status, String body) {
        answer.set(new Answer(status, body, 0));
    }

    void answerSlowly(long delayMs, String body) {
        answer.set(new Answer(200, body, delayMs));
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    URI lastUri() {
        return lastUri.get();
    }

    String lastToken() {
        return lastToken.get();
    }

    int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
