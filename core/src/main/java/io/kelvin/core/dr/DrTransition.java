package io.kelvin.core.dr;

import java.time.Instant;
import java.util.Objects;

/**
 * One audit-worthy step in an event's lifecycle: who ({@code actor}: the event's source, "vtn" or
 * "grid:&lt;client id&gt;" for a client of Kelvin's grid API; "kelvin", "planner", "clock" or an operator's user
 * name), when, what ({@code action}, e.g. "opt-out"), on which event version, from
 * which state to which, and the outcome. A refused step keeps {@code to == from} and says why in
 * {@code detail}.
 */
public record DrTransition(EventRef ref, String actor, Instant at, String action, DrState from, DrState to,
                           Outcome outcome, String detail) {

    public enum Outcome { DONE, REFUSED }

    public DrTransition {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(outcome, "outcome");
    }

    public boolean isRefused() {
        return outcome == Outcome.REFUSED;
    }
}
