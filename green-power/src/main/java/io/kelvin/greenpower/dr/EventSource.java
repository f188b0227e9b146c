package io.kelvin.greenpower.dr;

import java.util.Objects;
import java.util.Optional;

/**
 * Where an event version came from, named as the actor of the lifecycle steps it causes (receipt,
 * supersession, cancellation, withdrawal): the site's VTN ({@code "vtn"}) or a client of Kelvin's own grid
 * API ({@code "grid:<client id>"}).
 */
public record EventSource(String actor) {

    /** The grid operator's VTN that the VEN client polls. */
    public static final EventSource VTN = new EventSource("vtn");

    private static final String GRID = "grid:";

    public EventSource {
        Objects.requireNonNull(actor, "actor");
    }

    /** The client {@code clientId} of Kelvin's grid API. */
    public static EventSource gridClient(String clientId) {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("clientId: must not be blank");
        }
        return new EventSource(GRID + clientId);
    }

    /** The grid API client id a step's actor names, if the step came from the grid API. */
    public static Optional<String> gridClientOf(String actor) {
        return actor.startsWith(GRID) && actor.length() > GRID.length()
                ? Optional.of(actor.substring(GRID.length())) : Optional.empty();
    }
}
