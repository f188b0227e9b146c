package io.kelvin.web;

import static org.awaitility.Awaitility.await;

import io.kelvin.core.identity.Role;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Report periods over the data the app under test has collected. */
public final class ReportSpans {

    private ReportSpans() {
    }

    /**
     * A span that has ended, so its data no longer changes, and that holds data: from 20 minutes
     * before the last whole minute at least 150 s back, to that minute; as {@code from=...&to=...}.
     * OPC UA reports a value only when it changes, and the store fills the seconds since a point's
     * previous sample when the next one comes (up to its 120 s heartbeat), so the last two minutes
     * may still change.
     */
    public static String past() {
        AppReady.awaitReady();
        await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofSeconds(2)).until(() -> TestAuth.as(Role.AUDITOR)
                .get("/api/v1/reports/kpis?" + span(Instant.now())).statusCode() == 200);
        return span(Instant.now());
    }

    /** The instant's minute as an ISO-8601 time in UTC, e.g. {@code 2026-12-07T03:20Z}. */
    public static String minute(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC).toString();
    }

    private static String span(Instant now) {
        Instant to = now.minus(Duration.ofSeconds(150)).truncatedTo(ChronoUnit.MINUTES);
        return "from=" + minute(to.minus(Duration.ofMinutes(20))) + "&to=" + minute(to);
    }
}
