package io.kelvin.core.dr;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one version of one demand-response event asks of the site within the horizon it was resolved
 * for: its signals in time order and the span {@code [start, end)} they cover (UTC; {@code end} is the
 * horizon's end for an event that runs on). {@code priority}: lower is more important (OpenADR 3).
 * {@code notes} say what was read but not acted on (an unknown payload type, a clipped interval).
 */
public record DrDirective(EventRef ref, String eventName, int priority, Instant start, Instant end,
                          List<DrSignal> signals, List<String> notes) {

    public DrDirective {
        Objects.requireNonNull(ref, "ref");
        signals = List.copyOf(signals);
        notes = List.copyOf(notes);
    }

    /** The capacity limits among the signals (what the planner turns into DR caps). */
    public List<DrSignal.CapLimit> caps() {
        return signals.stream().filter(DrSignal.CapLimit.class::isInstance).map(DrSignal.CapLimit.class::cast).toList();
    }

    /** True when no interval of this event lies in the future of {@code now}. */
    public boolean isOver(Instant now) {
        return !end.isAfter(now);
    }

    /** True when {@code now} lies inside the event's span. */
    public boolean isActive(Instant now) {
        return !now.isBefore(start) && now.isBefore(end);
    }
}
