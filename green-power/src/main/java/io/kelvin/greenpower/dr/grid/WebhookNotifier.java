package io.kelvin.greenpower.dr.grid;

import io.kelvin.core.retry.Backoff;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts notifications to subscribers' callback URLs on a background executor, never on the caller's
 * thread: each delivery is its own task with its own {@link Backoff} (a 2xx answer ends it; a refusal, a
 * timeout or a dead host is tried again after the backoff, up to {@code attempts} times), so a failing
 * webhook never holds up another.
 */
public final class WebhookNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookNotifier.class);

    private final HttpClient http;
    private final ScheduledExecutorService executor;
    private final Duration timeout;
    private final int attempts;
    private final Supplier<Backoff> backoff;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    public WebhookNotifier(ScheduledExecutorService executor, Duration timeout, int attempts, Supplier<Backoff> backoff) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.executor = executor;
        this.timeout = timeout;
        this.attempts = attempts;
        this.backoff = backoff;
    }

    /** Queues one notification {@code body} for {@code url}, with {@code Authorization: Bearer token} when given. */
    public void send(URI url, Optional<String> bearerToken, String body) {
        Delivery delivery = new Delivery(url, bearerToken, body, backoff.get());
        executor.execute(delivery::attempt);
    }

    /** Notifications a subscriber took (2xx). */
    public long delivered() {
        return delivered.get();
    }

    /** Notifications given up after every attempt failed. */
    public long failed() {
        return failed.get();
    }

    private final class Delivery {
        private final URI url;
        private final Optional<String> token;
        private final String body;
        private final Backoff backoff;

        Delivery(URI url, Optional<String> token, String body, Backoff backoff) {
            this.url = url;
            this.token = token;
            this.body = body;
            this.backoff = backoff;
        }

        void attempt() {
            String problem;
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
                token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
                int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 == 2) {
                    delivered.incrementAndGet();
                    return;
                }
                problem = "HTTP " + status;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            if (backoff.failures() + 1 >= attempts || executor.isShutdown()) {
                failed.incrementAndGet();
                LOG.warn("Webhook {}: notification given up after {} attempts ({})", url, attempts, problem);
                return;
            }
            Duration wait = backoff.next();
            LOG.info("Webhook {}: {}; trying again in {}", url, problem, wait);
            try {
                executor.schedule(this::attempt, wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                failed.incrementAndGet();
            }
        }
    }
}
