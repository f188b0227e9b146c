package io.kelvin.collectors.modbus;

import io.kelvin.core.retry.Backoff;
import java.time.Duration;

/**
 * Circuit breaker of one unit id on a shared connection. A unit that leaves {@link #OPEN_AFTER}
 * requests in a row unanswered is opened: its requests are skipped, so a silent unit behind a
 * gateway no longer costs the others a full timeout per request. While open, one request probes it
 * after a capped exponential backoff ({@code wait_n = min(max, min x 2^n)}, n = failed probes); an
 * answer closes it. Pure: the caller passes the monotonic time in nanoseconds. Connection thread only.
 */
final class UnitBreaker {

    /** Requests in a row without an answer that open the breaker; equal to the health's DOWN threshold. */
    static final int OPEN_AFTER = 3;
    static final Duration DEFAULT_MAX_PROBE_WAIT = Duration.ofMinutes(5);

    private final Backoff backoff;
    private int unanswered;
    private boolean open;
    private long probeAtNanos;

    UnitBreaker(Duration minProbeWait, Duration maxProbeWait) {
        this.backoff = new Backoff(minProbeWait, maxProbeWait);
    }

    /** Whether a request may go on the wire now: closed, or open and due for a probe. */
    boolean allows(long nowNanos) {
        return !open || nowNanos - probeAtNanos >= 0;
    }

    /** The unit answered (even with an exception response): close. */
    void answered() {
        unanswered = 0;
        open = false;
        backoff.reset();
    }

    /** The unit did not answer; opens the breaker at the threshold, or schedules the next probe while open. */
    void unanswered(long nowNanos) {
        unanswered++;
        if (unanswered >= OPEN_AFTER) {
            open = true;
            probeAtNanos = nowNanos + backoff.next().toNanos();
        }
    }

    boolean isOpen() {
        return open;
    }

    /** How long until the next probe; zero when closed or due. */
    Duration untilProbe(long nowNanos) {
        return open ? Duration.ofNanos(Math.max(0, probeAtNanos - nowNanos)) : Duration.ZERO;
    }
}
