package io.kelvin.greenpower.dr;

import io.kelvin.core.dr.DrState;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which event a person looking at demand response wants to see first: the one under way (ACTIVE, or now within
 * its span, and not cancelled or superseded), else the next to start (not cancelled or superseded), else the one
 * that started last, else the last listed. Pure: the caller passes the time.
 */
public final class EventToShow {

    /** An event as the view lists it: its state and, while it is held, its span. */
    public record Candidate(String eventId, DrState state, Optional<Instant> start, Optional<Instant> end) {
    }

    private EventToShow() {
    }

    public static Optional<String> choose(List<Candidate> events, Instant now) {
        Optional<String> active = events.stream().filter(c -> !c.state().isFinal())
                .filter(c -> c.state() == DrState.ACTIVE || (c.start().isPresent() && c.end().isPresent()
                        && !now.isBefore(c.start().get()) && now.isBefore(c.end().get())))
                .map(Candidate::eventId).findFirst();
        if (active.isPresent()) {
            return active;
        }
        Optional<String> next = events.stream().filter(c -> c.state() != DrState.CANCELLED && c.state() != DrState.SUPERSEDED)
                .filter(c -> c.start().filter(now::isBefore).isPresent())
                .min(Comparator.comparing(c -> c.start().orElseThrow())).map(Candidate::eventId);
        if (next.isPresent()) {
            return next;
        }
        return events.stream().filter(c -> c.start().isPresent()).max(Comparator.comparing(c -> c.start().orElseThrow()))
                .map(Candidate::eventId)
                .or(() -> events.isEmpty() ? Optional.empty() : Optional.of(events.getLast().eventId()));
    }
}
