package io.kelvin.core.dr;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One object of Kelvin's own grid API as it is kept: its type, the server-set id and times, the fields
 * lists are filtered by ({@code name}: a program's {@code programName}, unique among programs, or a
 * report's or subscription's {@code clientName}; the program and event it belongs to) and the whole
 * OpenADR 3.1 JSON document the API returns, written and checked by green-power's {@code dr.oadr}.
 */
public record GridObject(GridObjectType type, String id, Optional<String> name, Optional<String> programId,
                         Optional<String> eventId, Instant createdAt, Instant modifiedAt, String document) {

    public GridObject {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(programId, "programId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(modifiedAt, "modifiedAt");
        Objects.requireNonNull(document, "document");
    }
}
