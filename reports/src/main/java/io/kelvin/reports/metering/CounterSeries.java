package io.kelvin.reports.metering;

import io.kelvin.core.site.MeterReplacement;
import io.kelvin.core.telemetry.TimeValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One cumulative register read once per store step (its last GOOD value in the step, taken as its
 * value at the step's end). The quantity over {@code [a, b)} is the sum of the increments between
 * consecutive readings from the one at {@code a} to the one at {@code b}:
 * <ul>
 *   <li>{@code y - x} when the register rose from {@code x} to {@code y};</li>
 *   <li>{@code y + rollover - x} when it fell and has a rollover value (one wrap);</li>
 *   <li>across replacements, {@code (oldFinal_1 - x) + (oldFinal_2 - newFirst_1) + ... + (y - newFirst_n)},
 *       each piece wrapping as above;</li>
 *   <li>a fall with nothing to explain it adds nothing, and the time between those readings is a gap.</li>
 * </ul>
 * Communication gaps between readings cost nothing: the register kept counting. What is not covered
 * is the start of the span before the first reading and its end after the last one, when the
 * readings at {@code a} and {@code b} are missing, and unexplained falls. A reading whose step
 * contains a replacement could come from either meter and is not used.
 */
final class CounterSeries implements MeterSeries {

    /** A valid reading: the register's value at {@code end}, in its own unit. */
    private record Reading(Instant end, double value) {
    }

    /** The increments walked between two readings. */
    private record Walk(double amount, long faultMs, List<CounterEvent> events) {
    }

    private final List<Reading> readings;
    private final Duration step;
    private final OptionalDouble rollover;
    private final List<MeterReplacement> replacements;
    private final boolean reverse;
    private final double toBase;
    private final List<CounterEvent> events;

    /**
     * @param perStep       last GOOD reading per step, from one step before the period to its end
     * @param replacements  of this meter, oldest first; {@code reverse} picks their reverse readings
     * @param toBase        factor from the register's unit to kWh or litres
     */
    CounterSeries(List<TimeValue> perStep, Duration step, OptionalDouble rollover, List<MeterReplacement> replacements,
            boolean reverse, double toBase, Instant periodFrom, Instant periodTo) {
        this.step = step;
        this.rollover = rollover;
        this.replacements = replacements;
        this.reverse = reverse;
        this.toBase = toBase;
        this.readings = validReadings(perStep, step, replacements);
        this.events = List.copyOf(walkBetween(periodFrom, periodTo).events());
    }

    private static List<Reading> validReadings(List<TimeValue> perStep, Duration step, List<MeterReplacement> swaps) {
        List<Reading> valid = new ArrayList<>();
        for (TimeValue tv : perStep) {
            Instant end = tv.time().plus(step);
            boolean straddlesSwap = swaps.stream().anyMatch(s -> s.at().isAfter(tv.time()) && s.at().isBefore(end));
            if (!tv.isGap() && !straddlesSwap) {
                valid.add(new Reading(end, tv.value()));
            }
        }
        return List.copyOf(valid);
    }

    @Override
    public MeteringMethod method() {
        return MeteringMethod.COUNTER;
    }

    @Override
    public List<CounterEvent> events() {
        return events;
    }

    @Override
    public Measured between(Instant from, Instant to) {
        Duration span = Duration.between(from, to);
        int first = readingAt(from, true);
        int last = readingAt(to, false);
        if (first < 0 || last < 0 || first >= last) {
            return Measured.nothing(span);
        }
        Instant coverStart = readings.get(first).end().isAfter(from) ? readings.get(first).end() : from;
        Instant coverEnd = readings.get(last).end().isBefore(to) ? readings.get(last).end() : to;
        Walk walk = walk(first, last, from, to);
        long coveredMs = Math.max(0, Duration.between(coverStart, coverEnd).toMillis() - walk.faultMs());
        return new Measured(walk.amount() * toBase, Duration.ofMillis(coveredMs), span);
    }

    private Walk walkBetween(Instant from, Instant to) {
        int first = readingAt(from, true);
        int last = readingAt(to, false);
        return first < 0 || last < 0 || first >= last ? new Walk(0, 0, List.of()) : walk(first, last, from, to);
    }

    /**
     * The reading standing for the register at {@code time}: the one of the step ending at (or up
     * to one step before) it; failing that, the first one after it ({@code forStart}) or the last
     * one before it. -1 when there is none.
     */
    private int readingAt(Instant time, boolean forStart) {
        int before = lastEndingBy(time);
        if (before >= 0 && readings.get(before).end().isAfter(time.minus(step))) {
            return before;
        }
        if (forStart) {
            return before + 1 < readings.size() ? before + 1 : -1;
        }
        return before;
    }

    /** The index of the last reading whose end is at or before {@code time}, or -1 (binary search). */
    private int lastEndingBy(Instant time) {
        int low = 0;
        int high = readings.size() - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (readings.get(mid).end().isAfter(time)) {
                high = mid - 1;
            } else {
                found = mid;
                low = mid + 1;
            }
        }
        return found;
    }

    private Walk walk(int first, int last, Instant from, Instant to) {
        double amount = 0;
        long faultMs = 0;
        List<CounterEvent> seen = new ArrayList<>();
        for (int i = first; i < last; i++) {
            Reading p = readings.get(i);
            Reading q = readings.get(i + 1);
            double increment = increment(p, q, seen);
            if (Double.isNaN(increment)) {
                Instant start = p.end().isBefore(from) ? from : p.end();
                Instant end = q.end().isAfter(to) ? to : q.end();
                faultMs += Math.max(0, Duration.between(start, end).toMillis());
            } else {
                amount += increment;
            }
        }
        return new Walk(amount, faultMs, seen);
    }

    /** The register's increment from {@code p} to {@code q}, or NaN for an unexplained fall. */
    private double increment(Reading p, Reading q, List<CounterEvent> seen) {
        double from = p.value();
        double total = 0;
        for (MeterReplacement swap : replacements) {
            if (!swap.at().isBefore(p.end()) && !swap.at().isAfter(q.end().minus(step))) {
                MeterReplacement.Readings r = reverse ? swap.reverse().orElseThrow() : swap.readings();
                double piece = piece(from, r.oldFinal(), swap.at(), seen);
                if (Double.isNaN(piece)) {
                    return Double.NaN;
                }
                total += piece;
                seen.add(new CounterEvent(CounterEvent.Kind.REPLACEMENT, swap.at(), r.oldFinal(), r.newFirst()));
                from = r.newFirst();
            }
        }
        double last = piece(from, q.value(), q.end(), seen);
        return Double.isNaN(last) ? Double.NaN : total + last;
    }

    private double piece(double x, double y, Instant at, List<CounterEvent> seen) {
        if (y >= x) {
            return y - x;
        }
        if (rollover.isPresent()) {
            seen.add(new CounterEvent(CounterEvent.Kind.ROLLOVER, at, x, y));
            return y + rollover.getAsDouble() - x;
        }
        seen.add(new CounterEvent(CounterEvent.Kind.UNEXPLAINED_FALL, at, x, y));
        return Double.NaN;
    }
}
