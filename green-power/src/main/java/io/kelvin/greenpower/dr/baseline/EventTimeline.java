package io.kelvin.greenpower.dr.baseline;

import io.kelvin.core.dr.DrSignal;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.StepMean;
import io.kelvin.core.telemetry.TelemetryStore;
import io.kelvin.core.telemetry.TimeValue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * One event on a timeline against the meter: from {@link #MARGIN} before the event's span to {@link #MARGIN}
 * after it, in {@link EventPerformance#STEP} steps, the metered grid import (the mean of the GOOD data of
 * the site's grid-import meters, summed; a step where any meter has no GOOD data is empty, never filled),
 * the tightest import cap in force and the event's baseline; with the event's {@link EventPerformance}
 * (delivered versus requested per cap interval). An upcoming event has no metered steps yet; an active one
 * has them up to now.
 */
public final class EventTimeline {

    /** How much of the time before and after the event's span the timeline shows. */
    public static final Duration MARGIN = Duration.ofHours(2);

    private EventTimeline() {
    }

    /** One step: its start and, where known, the metered import, the cap and the baseline, all in kW. */
    public record Step(Instant start, OptionalDouble importKw, OptionalDouble capKw, OptionalDouble baselineKw) {
    }

    /**
     * The timeline of an event spanning {@code [eventStart, eventEnd)}; {@code performance} is empty, and
     * {@code noBaseline} says why, when the event sets no import cap or the site has no grid-import meter;
     * {@code noBaseline} also says why when the baseline found no eligible day.
     */
    public record Timeline(Instant from, Instant to, Duration step, Instant eventStart, Instant eventEnd,
                           List<Step> steps, Optional<String> noBaseline,
                           Optional<EventPerformance.Result> performance) {

        public Timeline {
            steps = List.copyOf(steps);
        }
    }

    /**
     * The timeline of an event over {@code [eventStart, eventEnd)} with its {@code caps} (non-import caps are
     * ignored), the site's grid-import {@code points}, its time zone and the days to leave out of the baseline
     * ({@link EventPerformance#excludedDays}).
     */
    public static Timeline of(TelemetryStore store, List<PointId> points, Instant eventStart, Instant eventEnd,
                              List<DrSignal.CapLimit> caps, ZoneId zone, Set<LocalDate> excluded) {
        Duration step = EventPerformance.STEP;
        Instant from = eventStart.minus(MARGIN);
        Instant to = eventEnd.plus(MARGIN);
        List<DrSignal.CapLimit> imports = caps.stream().filter(c -> c.direction() == DrSignal.Direction.IMPORT).toList();
        Optional<EventPerformance.Result> performance = Optional.empty();
        Optional<String> noBaseline;
        if (imports.isEmpty()) {
            noBaseline = Optional.of("the event sets no import cap: there is nothing to measure against a baseline");
        } else if (points.isEmpty()) {
            noBaseline = Optional.of("the site file declares no grid_import meter: the curtailment cannot be measured");
        } else {
            performance = Optional.of(EventPerformance.measure(store, points, imports, zone, excluded));
            Baseline baseline = performance.get().baseline();
            noBaseline = baseline.days().isEmpty()
                    ? Optional.of("no " + baseline.method() + " baseline: " + String.join("; ", baseline.notes()))
                    : Optional.empty();
        }
        Map<Instant, Double> baseline = new HashMap<>();
        if (performance.isPresent() && noBaseline.isEmpty()) {
            for (TimeValue v : performance.get().baseline().values()) {
                if (!v.isGap()) {
                    baseline.put(v.time(), v.value());
                }
            }
        }
        List<List<StepMean>> metered = new ArrayList<>();
        for (PointId point : points) {
            metered.add(store.goodMeans(point, from, to, step));
        }
        List<Step> steps = new ArrayList<>();
        int i = 0;
        for (Instant t = from; t.isBefore(to); t = t.plus(step), i++) {
            Instant start = t;
            Instant end = t.plus(step);
            OptionalDouble cap = imports.stream().filter(c -> c.start().isBefore(end) && c.end().isAfter(start))
                    .mapToDouble(DrSignal.CapLimit::kw).min();
            Double base = baseline.get(t);
            steps.add(new Step(t, sum(metered, i), cap, base == null ? OptionalDouble.empty() : OptionalDouble.of(base)));
        }
        return new Timeline(from, to, step, eventStart, eventEnd, steps, noBaseline, performance);
    }

    private static OptionalDouble sum(List<List<StepMean>> metered, int index) {
        if (metered.isEmpty()) {
            return OptionalDouble.empty();
        }
        double total = 0;
        for (List<StepMean> series : metered) {
            if (index >= series.size() || series.get(index).isGap()) {
                return OptionalDouble.empty();
            }
            total += series.get(index).mean();
        }
        return OptionalDouble.of(total);
    }
}
