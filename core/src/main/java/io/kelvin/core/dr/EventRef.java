package io.kelvin.core.dr;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of one demand-response event: the VTN's program and event ids and the event's
 * {@code modificationDateTime}, which OpenADR 3 uses as its version (a newer time replaces an older
 * version; the same time is the same version, never acted on twice).
 */
public record EventRef(String programId, String eventId, Instant version) {

    public EventRef {
        Objects.requireNonNull(programId, "programId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(version, "version");
    }

    /** Whether this is a later version of the same event than {@code other}. */
    public boolean supersedes(EventRef other) {
        return eventId.equals(other.eventId) && version.isAfter(other.version);
    }

    @Override
    public String toString() {
        return eventId + "@" + version;
    }
}
