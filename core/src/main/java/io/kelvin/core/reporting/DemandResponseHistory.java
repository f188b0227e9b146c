package io.kelvin.core.reporting;

import io.kelvin.core.dr.Curtailment;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: demand-response events that overlap a period, each with its curtailment measured per
 * interval against a named baseline ({@link Curtailment}: delivered = baseline - actual, requested =
 * baseline - cap). The adapter (web-ui, over green-power's event store and baselines) is not wired
 * yet.
 */
public interface DemandResponseHistory {

    /** Events overlapping {@code [from, to)}, oldest first. */
    List<DemandResponseEvent> events(Instant from, Instant to);

    /**
     * One event: its id and program, the baseline method (e.g. "CAISO 10-in-10"), its intervals'
     * curtailment, and the reason when the site opted out.
     */
    record DemandResponseEvent(String eventId, String program, String baseline, List<Curtailment> intervals,
                               Optional<String> optedOut) {

        public DemandResponseEvent {
            intervals = List.copyOf(intervals);
        }
    }
}
