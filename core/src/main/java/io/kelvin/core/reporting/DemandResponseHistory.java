package io.kelvin.core.reporting;

import java.time.Instant;
import java.util.List;

/** Port: demand-response events that overlap a period, with the response measured against their baseline. */
public interface DemandResponseHistory {

    /** Events overlapping {@code [from, to)}, oldest first. */
    List<DemandResponseEvent> events(Instant from, Instant to);

    /**
     * One event: what the grid operator asked for and what the site delivered, both as reductions
     * in kW below the named baseline (e.g. "CAISO 10-of-10"), averaged over the event.
     */
    record DemandResponseEvent(String eventId, String program, Instant start, Instant end, double requestedKw,
                               double deliveredKw, String baseline) {
    }
}
