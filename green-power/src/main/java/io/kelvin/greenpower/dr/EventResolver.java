package io.kelvin.greenpower.dr;

import io.kelvin.core.dr.DrDirective;
import io.kelvin.core.dr.DrSignal;
import io.kelvin.core.dr.EventRef;
import io.kelvin.core.site.DemandResponse;
import io.kelvin.greenpower.dr.oadr.Event;
import io.kelvin.greenpower.dr.oadr.IntervalPeriod;
import io.kelvin.greenpower.dr.oadr.OadrDuration;
import io.kelvin.greenpower.dr.oadr.Program;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Event semantics, pure: from a program, one version of one of its events and the program's mapping
 * in the site file to what the site must do ({@link Resolution}). Time comes in as arguments
 * ({@code receivedAt}: when Kelvin first read this version, the "now" of a "do it now" event;
 * {@code horizonEnd}: how far ahead looping or open-ended events are placed). {@code venSeed} makes the
 * randomised start this VEN's own (see {@link IntervalTimeline}).
 */
public final class EventResolver {

    private final String venSeed;
    private final Duration horizon;

    /** {@code horizon}: how far past the current time intervals are placed. */
    public EventResolver(String venSeed, Duration horizon) {
        this.venSeed = Objects.requireNonNull(venSeed, "venSeed");
        this.horizon = Objects.requireNonNull(horizon, "horizon");
    }

    public String venSeed() {
        return venSeed;
    }

    public Duration horizon() {
        return horizon;
    }

    /** {@code now} bounds the placement: intervals starting after {@code now + horizon} are left for later. */
    public Resolution resolve(Program program, Event event, DemandResponse.Program mapping, Instant receivedAt,
                              Instant now) {
        EventRef ref = new EventRef(program.id(), event.id(), event.meta().modificationDateTime());
        if (!event.programId().equals(program.id())) {
            return new Resolution.Refuse(ref, List.of("programID: '" + event.programId() + "' is not program '"
                    + program.id() + "'"));
        }
        if (isWithdrawn(event)) {
            return new Resolution.Cancel(ref, "the VTN set the event's span to nothing (start 0001-01-01, duration PT0S)");
        }
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Instant horizonEnd = now.plus(horizon);
        List<TimedInterval> intervals = IntervalTimeline.place(event, receivedAt, venSeed, horizonEnd, problems);
        List<DrSignal> signals = new PayloadMapper(program, event, mapping, ref, problems, notes).signals(intervals);
        if (!problems.isEmpty()) {
            return new Resolution.Refuse(ref, problems);
        }
        if (intervals.isEmpty()) {
            return new Resolution.Act(new DrDirective(ref, event.eventName().orElse(event.id()), priority(event),
                    receivedAt, receivedAt, List.of(), List.of("the event has no intervals: nothing to act on")));
        }
        Instant start = intervals.getFirst().start();
        Instant end = intervals.stream().map(TimedInterval::end).max(Comparator.naturalOrder()).orElseThrow();
        boolean forever = event.duration().map(OadrDuration::isInfinite).orElse(false);
        if (forever || !end.isBefore(horizonEnd)) {
            notes.add("the event runs past the horizon; resolved up to " + horizonEnd);
        }
        if (end.isAfter(horizonEnd)) {
            end = horizonEnd;
            Instant cut = end;
            signals = signals.stream().map(s -> clip(s, cut)).toList();
        }
        List<DrSignal> ordered = signals.stream().sorted(Comparator.comparing(DrSignal::start)).toList();
        return new Resolution.Act(new DrDirective(ref, event.eventName().orElse(event.id()), priority(event), start, end,
                ordered, notes));
    }

    /** User Guide 7.9: start "0001-01-01" and duration PT0S make the event's window empty: cancelled. */
    private static boolean isWithdrawn(Event event) {
        boolean startsAtBeginning = event.intervalPeriod().map(IntervalPeriod::startsAtBeginning).orElse(false);
        boolean zeroLength = event.duration().map(OadrDuration::isZero)
                .or(() -> event.intervalPeriod().flatMap(IntervalPeriod::duration).map(OadrDuration::isZero))
                .orElse(false);
        return startsAtBeginning && zeroLength;
    }

    private static int priority(Event event) {
        return event.priority().orElse(Integer.MAX_VALUE);
    }

    private static DrSignal clip(DrSignal signal, Instant end) {
        if (!signal.end().isAfter(end)) {
            return signal;
        }
        return switch (signal) {
            case DrSignal.CapLimit c -> new DrSignal.CapLimit(c.source(), c.start(), end, c.direction(), c.kw(), c.hard(), c.payloadType());
            case DrSignal.Price p -> new DrSignal.Price(p.source(), p.start(), end, p.perKwh(), p.currency(), p.export());
            case DrSignal.Ghg g -> new DrSignal.Ghg(g.source(), g.start(), end, g.gramsPerKwh());
            case DrSignal.GridAlert a -> new DrSignal.GridAlert(a.source(), a.start(), end, a.alertType(), a.text());
        };
    }
}
