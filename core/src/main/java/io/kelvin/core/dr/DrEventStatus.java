package io.kelvin.core.dr;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The lifecycle state of one event version at the site. {@code receivedAt} is when Kelvin first read
 * this version (a "do it now" event starts then); {@code changedAt} is the last transition. The
 * opt-out actor and reason are kept while the event is opted out.
 */
public record DrEventStatus(EventRef ref, String eventName, DrState state, Instant receivedAt, Instant changedAt,
                            Optional<String> decidedBy, Optional<String> reason) {

    public DrEventStatus {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(reason, "reason");
    }

    public DrEventStatus moved(DrState to, Instant at) {
        return new DrEventStatus(ref, eventName, to, receivedAt, at, decidedBy, reason);
    }

    public DrEventStatus decided(DrState to, Instant at, String actor, Optional<String> why) {
        return new DrEventStatus(ref, eventName, to, receivedAt, at, Optional.of(actor), why);
    }
}
