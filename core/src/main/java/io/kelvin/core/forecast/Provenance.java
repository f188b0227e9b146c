package io.kelvin.core.forecast;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an input came from: {@code source} names it for people (feed id and format, or the model and the
 * meters it tracks), {@code refreshedAt} is when its data was last received (a feed's last good answer, the
 * newest measurement a model used), and {@code freshness} whether that is current.
 */
public record Provenance(String source, Optional<Instant> refreshedAt, Freshness freshness) {

    public Provenance {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(refreshedAt, "refreshedAt");
        Objects.requireNonNull(freshness, "freshness");
    }

    public static Provenance notConfigured(String what) {
        return new Provenance(what + ": not configured", Optional.empty(), new Freshness.NotConfigured());
    }
}
