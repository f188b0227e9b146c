package io.kelvin.core.dr;

import java.time.Instant;
import java.util.Optional;

/**
 * How Kelvin's VEN client stands with its VTN, for /q/health and the DR view. {@code connected}: the
 * last exchange succeeded; {@code lastError}: the VTN's own words (problem detail, OAuth2
 * error_description) or the transport error, with the time it happened; {@code nextAttempt}: when the
 * client tries again while backing off. {@code lastRefusal}: the newest program, event or notification
 * the client refused as malformed (nothing changed for it; the loop went on), naming the field.
 */
public record VenStatus(boolean connected, Optional<String> venId, Optional<Instant> lastPoll,
                        Optional<Instant> lastSuccess, Optional<String> lastError, Optional<Instant> lastErrorAt,
                        int consecutiveFailures, Optional<Instant> nextAttempt, int knownEvents,
                        boolean webhookSubscribed, Optional<String> lastRefusal) {

    public static VenStatus initial() {
        return new VenStatus(false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), 0, Optional.empty(), 0, false, Optional.empty());
    }
}
