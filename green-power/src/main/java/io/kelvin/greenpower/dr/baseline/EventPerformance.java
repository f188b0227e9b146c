package io.kelvin.greenpower.dr.baseline;

import io.kelvin.core.dr.Curtailment;
import io.kelvin.core.dr.DrSignal;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.TelemetryStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Delivered versus requested curtailment of one event, per cap interval and in total: the CAISO 10-in-10
 * baseline ({@link Baselines#caiso10in10}) over the site's grid-import meters in {@link #STEP} steps, the
 * metered import of each step ({@link StoredLoad}), and for each import cap interval:
 *
 * <ul>
 *   <li>requested kWh = sum over measured steps of max(0, baseline - cap) x step;</li>
 *   <li>delivered kWh = sum of (baseline - actual) x step;</li>
 *   <li>above cap kWh = sum of max(0, actual - cap) x step;</li>
 *   <li>the cap is kept when no measured step's mean import exceeds it (unknown without a measured step);</li>
 *   <li>measured share = measured steps / steps of the interval (at most 1).</li>
 * </ul>
 *
 * A step without a measured import or baseline counts nothing and lowers the measured share. The days
 * of the site's other events are left out of the baseline ({@link #excludedDays}). The reports' demand
 * response section and the app's DR view both show this.
 */
public final class EventPerformance {

    /** The baseline and metering step (the VEN's report step). */
    public static final Duration STEP = Duration.ofMinutes(15);
    /** How far back meter data is read for the baseline. */
    public static final Duration HISTORY = Duration.ofDays(Baselines.LOOKBACK_DAYS + 1);
    private static final double STEP_HOURS = STEP.toSeconds() / 3600.0;

    private EventPerformance() {
    }

    /** One cap interval's figures; {@code baselineKw} and {@code actualKw} are means over its measured steps. */
    public record Interval(Instant start, Instant end, double capKw, OptionalDouble baselineKw, OptionalDouble actualKw,
                           double requestedKwh, double deliveredKwh, double aboveCapKwh, Optional<Boolean> capKept,
                           int measuredSteps, long expectedSteps) {

        /** Delivered over requested (1 = exactly what was asked); empty when nothing was requested. */
        public OptionalDouble deliveredShare() {
            return requestedKwh > 0 ? OptionalDouble.of(deliveredKwh / requestedKwh) : OptionalDouble.empty();
        }

        /** Measured steps over the interval's steps, at most 1. */
        public double measuredShare() {
            return Math.min(1, measuredSteps / (double) expectedSteps);
        }
    }

    /** Sums over intervals (of one event, or of several). */
    public record Totals(double requestedKwh, double deliveredKwh, double aboveCapKwh, int intervals, int intervalsKept,
                         long measuredSteps, long expectedSteps) {

        public static final Totals NONE = new Totals(0, 0, 0, 0, 0, 0, 0);

        public Totals plus(Interval i) {
            return new Totals(requestedKwh + i.requestedKwh(), deliveredKwh + i.deliveredKwh(),
                    aboveCapKwh + i.aboveCapKwh(), intervals + 1, intervalsKept + (i.capKept().orElse(false) ? 1 : 0),
                    measuredSteps + i.measuredSteps(), expectedSteps + i.expectedSteps());
        }

        public OptionalDouble deliveredShare() {
            return requestedKwh > 0 ? OptionalDouble.of(deliveredKwh / requestedKwh) : OptionalDouble.empty();
        }

        /** Measured steps over all steps, at most 1 (0 without intervals). */
        public double measuredShare() {
            return expectedSteps == 0 ? 0 : Math.min(1, measuredSteps / (double) expectedSteps);
        }
    }

    /**
     * The event's performance: the baseline it was measured against (its days, adjustment and notes), the
     * metered steps with a baseline ({@link Curtailment}s, the tightest cap of each), the intervals (in the
     * order of the caps given) and their totals.
     */
    public record Result(Baseline baseline, List<Curtailment> steps, List<Interval> intervals, Totals totals) {

        public Result {
            steps = List.copyOf(steps);
            intervals = List.copyOf(intervals);
        }
    }

    /**
     * Reads the grid import ({@code points} summed) from {@link #HISTORY} before the first cap to the end of
     * the last and measures the import caps among {@code caps}; {@code caps} must hold at least one import cap.
     */
    public static Result measure(TelemetryStore store, List<PointId> points, List<DrSignal.CapLimit> caps, ZoneId zone,
                                 Set<LocalDate> excluded) {
        List<DrSignal.CapLimit> imports = imports(caps);
        Instant start = start(imports);
        Instant end = end(imports);
        return of(StoredLoad.read(store, points, start.minus(HISTORY), end, STEP), imports, zone, excluded);
    }

    /** The same over a load already read (mean kW per {@link #STEP}). Pure. */
    public static Result of(LoadHistory load, List<DrSignal.CapLimit> caps, ZoneId zone, Set<LocalDate> excluded) {
        List<DrSignal.CapLimit> imports = imports(caps);
        Baseline baseline = Baselines.caiso10in10(load, start(imports), end(imports), zone, excluded);
        List<Curtailment> steps = Curtailments.perInterval(baseline, load, imports);
        List<Interval> intervals = new ArrayList<>();
        Totals totals = Totals.NONE;
        for (DrSignal.CapLimit cap : imports) {
            Interval interval = interval(cap, steps);
            intervals.add(interval);
            totals = totals.plus(interval);
        }
        return new Result(baseline, steps, intervals, totals);
    }

    /**
     * The days to leave out of an event's baseline: the site-local days of the other events' caps, except
     * the event's own days (the day the baseline is for is not a day to leave out: that would make it a
     * holiday).
     */
    public static Set<LocalDate> excludedDays(String eventId, Map<String, List<DrSignal.CapLimit>> capsByEvent,
                                              ZoneId zone) {
        Set<LocalDate> days = new HashSet<>();
        capsByEvent.forEach((id, caps) -> {
            if (!id.equals(eventId)) {
                caps.forEach(c -> days.addAll(days(c, zone)));
            }
        });
        capsByEvent.getOrDefault(eventId, List.of()).forEach(c -> days(c, zone).forEach(days::remove));
        return days;
    }

    /** The site-local days a cap touches. */
    public static List<LocalDate> days(DrSignal.CapLimit cap, ZoneId zone) {
        List<LocalDate> days = new ArrayList<>();
        LocalDate last = cap.end().minusNanos(1).atZone(zone).toLocalDate();
        for (LocalDate d = cap.start().atZone(zone).toLocalDate(); !d.isAfter(last); d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }

    private static Interval interval(DrSignal.CapLimit cap, List<Curtailment> steps) {
        List<Curtailment> in = steps.stream()
                .filter(c -> !c.start().isBefore(cap.start()) && !c.end().isAfter(cap.end())).toList();
        long expected = Math.max(1, Duration.between(cap.start(), cap.end()).toSeconds() / STEP.toSeconds());
        double requested = 0;
        double delivered = 0;
        double above = 0;
        boolean kept = true;
        for (Curtailment c : in) {
            requested += Math.max(0, c.baselineKw() - cap.kw()) * STEP_HOURS;
            delivered += c.deliveredKw() * STEP_HOURS;
            above += Math.max(0, c.actualKw() - cap.kw()) * STEP_HOURS;
            kept &= c.actualKw() <= cap.kw();
        }
        return new Interval(cap.start(), cap.end(), cap.kw(),
                in.stream().mapToDouble(Curtailment::baselineKw).average(),
                in.stream().mapToDouble(Curtailment::actualKw).average(), requested, delivered, above,
                in.isEmpty() ? Optional.empty() : Optional.of(kept), in.size(), expected);
    }

    private static List<DrSignal.CapLimit> imports(List<DrSignal.CapLimit> caps) {
        List<DrSignal.CapLimit> imports = caps.stream().filter(c -> c.direction() == DrSignal.Direction.IMPORT).toList();
        if (imports.isEmpty()) {
            throw new IllegalArgumentException("caps: no import cap to measure");
        }
        return imports;
    }

    private static Instant start(List<DrSignal.CapLimit> caps) {
        return caps.stream().map(DrSignal.CapLimit::start).min(Comparator.naturalOrder()).orElseThrow();
    }

    private static Instant end(List<DrSignal.CapLimit> caps) {
        return caps.stream().map(DrSignal.CapLimit::end).max(Comparator.naturalOrder()).orElseThrow();
    }
}
