package io.kelvin.collectors.opcua;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.function.BooleanSupplier;

/**
 * The timing of one device's outage: when to mark its points COMM_FAILED again while a session is
 * lost, when to probe the server's port, and how long to wait before the next connect. Used by the
 * device thread only; not thread-safe.
 */
final class Outage {

    /** While a session is lost, the device's points are marked COMM_FAILED this often. */
    static final Duration GAP_MARK_INTERVAL = Duration.ofSeconds(2);
    /**
     * A session lost this long while the server's port accepts connections again is given up and a new
     * one made at once, rather than waiting for Milo's backed-off reconnect (restart on the same port).
     */
    static final Duration RECONNECT_AFTER = Duration.ofSeconds(2);
    static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);

    private final InstantSource clock;
    private final String endpoint;
    private Instant lostAt = Instant.MIN;
    private Instant lastMark = Instant.MIN;
    private Instant lastProbe = Instant.MIN;

    Outage(InstantSource clock, String endpoint) {
        this.clock = clock;
        this.endpoint = endpoint;
    }

    /** The session was just lost (and its points just marked). */
    void lost() {
        lostAt = clock.instant();
        lastMark = lostAt;
    }

    /** True when the points are to be marked COMM_FAILED again now. */
    boolean markDue() {
        Instant now = clock.instant();
        if (Duration.between(lastMark, now).compareTo(GAP_MARK_INTERVAL) < 0) {
            return false;
        }
        lastMark = now;
        return true;
    }

    /** True when the session has been lost a while and the server's port answers again (probed once a second). */
    boolean serverBack() {
        Instant now = clock.instant();
        if (Duration.between(lostAt, now).compareTo(RECONNECT_AFTER) < 0
                || Duration.between(lastProbe, now).compareTo(PROBE_INTERVAL) < 0) {
            return false;
        }
        lastProbe = now;
        return PortProbe.isOpen(endpoint);
    }

    /**
     * Sleeps {@code wait}, but when the server's port was closed, returns as soon as it opens, so a server
     * that comes back is reached within a second, whatever the backoff has grown to.
     */
    void waitBeforeRetry(Duration wait, BooleanSupplier closed) throws InterruptedException {
        if (PortProbe.isOpen(endpoint)) {
            Thread.sleep(wait.toMillis());
            return;
        }
        Instant until = clock.instant().plus(wait);
        while (!closed.getAsBoolean() && clock.instant().isBefore(until)) {
            long left = Math.max(1, Duration.between(clock.instant(), until).toMillis());
            Thread.sleep(Math.min(PROBE_INTERVAL.toMillis(), left));
            if (PortProbe.isOpen(endpoint)) {
                return;
            }
        }
    }
}
