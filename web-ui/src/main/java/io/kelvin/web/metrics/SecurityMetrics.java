package io.kelvin.web.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Security counters at {@code /q/metrics}: {@code kelvin_logins_refused_total}, {@code kelvin_tokens_issued_total}, {@code kelvin_tokens_refused_total}. */
@ApplicationScoped
public class SecurityMetrics {

    private final Counter loginsRefused;
    private final Counter tokensIssued;
    private final Counter tokensRefused;

    SecurityMetrics(MeterRegistry registry) {
        loginsRefused = Counter.builder("kelvin.logins.refused").description("Dashboard logins refused (wrong, locked, disabled)")
                .register(registry);
        tokensIssued = Counter.builder("kelvin.tokens.issued").description("Access tokens issued by POST /oauth/token")
                .register(registry);
        tokensRefused = Counter.builder("kelvin.tokens.refused").description("Token requests refused (RFC 6749 errors)")
                .register(registry);
    }

    public void loginRefused() {
        loginsRefused.increment();
    }

    public void tokenIssued() {
        tokensIssued.increment();
    }

    public void tokenRefused() {
        tokensRefused.increment();
    }
}
