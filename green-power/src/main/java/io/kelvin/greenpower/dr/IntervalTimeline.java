package io.kelvin.greenpower.dr;

import io.kelvin.greenpower.dr.oadr.Event;
import io.kelvin.greenpower.dr.oadr.Interval;
import io.kelvin.greenpower.dr.oadr.IntervalPeriod;
import io.kelvin.greenpower.dr.oadr.OadrDuration;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Places an event's intervals in time as the OpenADR 3.1 User Guide (section 7.3, 7.4) defines it.
 *
 * <ul>
 *   <li>An interval's own {@code intervalPeriod} fields override the event's default ones.</li>
 *   <li>The first interval starts at its own absolute start, else the event's; a start of
 *       "0001-01-01" (or none) there means "now": the moment Kelvin first read this event version.</li>
 *   <li>A later interval without an absolute start of its own follows the previous one.</li>
 *   <li>{@code randomizeStart} r shifts the first start by a uniform offset in [-|r|, +|r|]; intervals
 *       that follow move with it, an interval with an absolute start moves by the same offset unless it
 *       has its own randomizeStart, which draws a new offset for it and those after it. The offset is
 *       drawn from a hash of the VEN's seed, the event id and the interval index, so one VEN always
 *       draws the same offset for an event and different VENs draw different ones.</li>
 *   <li>{@code event.duration} longer than the intervals repeats them ("P9999Y" for ever); shorter, it
 *       cuts them. Repetitions are placed up to {@code horizonEnd} only.</li>
 * </ul>
 */
public final class IntervalTimeline {

    private IntervalTimeline() {
    }

    /** The placed intervals, in time order; problems (a missing duration) go to {@code problems}. */
    public static List<TimedInterval> place(Event event, Instant receivedAt, String venSeed, Instant horizonEnd,
                                            List<String> problems) {
        List<TimedInterval> pass = firstPass(event, receivedAt, venSeed, problems);
        if (pass.isEmpty() || !problems.isEmpty()) {
            return pass;
        }
        Instant start = pass.getFirst().start();
        Instant lastEnd = pass.getLast().end();
        Instant eventEnd = event.duration().map(d -> d.addTo(start)).orElse(lastEnd);
        List<TimedInterval> placed = new ArrayList<>();
        Duration period = Duration.between(start, lastEnd);
        for (int loop = 0; ; loop++) {
            Duration shift = period.multipliedBy(loop);
            boolean added = false;
            for (TimedInterval interval : pass) {
                Instant from = interval.start().plus(shift);
                Instant to = min(interval.end().plus(shift), eventEnd);
                if (from.isBefore(eventEnd) && from.isBefore(horizonEnd) && to.isAfter(from)) {
                    placed.add(new TimedInterval(interval.id(), loop, from, to, interval.payloads()));
                    added = true;
                }
            }
            if (!added || period.isZero() || !lastEnd.plus(shift).isBefore(min(eventEnd, horizonEnd))) {
                return placed;
            }
        }
    }

    private static List<TimedInterval> firstPass(Event event, Instant receivedAt, String venSeed, List<String> problems) {
        Optional<IntervalPeriod> defaults = event.intervalPeriod();
        List<TimedInterval> placed = new ArrayList<>();
        Duration offset = Duration.ZERO;
        Instant previousEnd = null;
        for (int i = 0; i < event.intervals().size(); i++) {
            Interval interval = event.intervals().get(i);
            Optional<IntervalPeriod> own = interval.intervalPeriod();
            Optional<OadrDuration> duration = own.flatMap(IntervalPeriod::duration).or(() -> defaults.flatMap(IntervalPeriod::duration));
            if (duration.isEmpty()) {
                problems.add("intervals[" + i + "].intervalPeriod.duration: is required when the event has no "
                        + "intervalPeriod.duration (User Guide 7.4)");
                continue;
            }
            Optional<Instant> ownStart = own.flatMap(IntervalPeriod::absoluteStart);
            Optional<OadrDuration> ownRandom = own.flatMap(IntervalPeriod::randomizeStart);
            Instant base;
            if (i == 0) {
                base = ownStart.or(() -> defaults.flatMap(IntervalPeriod::absoluteStart)).orElse(receivedAt);
                Optional<OadrDuration> random = ownRandom.or(() -> defaults.flatMap(IntervalPeriod::randomizeStart));
                offset = random.map(r -> draw(r, base, venSeed, event.id(), 0)).orElse(Duration.ZERO);
            } else if (ownStart.isPresent()) {
                base = ownStart.get();
                if (ownRandom.isPresent()) {
                    offset = draw(ownRandom.get(), base, venSeed, event.id(), i);
                }
            } else {
                base = previousEnd;
                // A following interval already carries the shift through previousEnd.
                Instant start = base;
                Instant end = duration.get().addTo(start);
                placed.add(new TimedInterval(interval.id(), 0, start, end, interval.payloads()));
                previousEnd = end;
                continue;
            }
            Instant start = base.plus(offset);
            Instant end = duration.get().isInfinite() ? Instant.MAX : duration.get().addTo(start);
            placed.add(new TimedInterval(interval.id(), 0, start, end, interval.payloads()));
            previousEnd = end;
        }
        return placed;
    }

    /** A deterministic offset, uniform in [-|r|, +|r|] at millisecond resolution. */
    static Duration draw(OadrDuration range, Instant at, String seed, String eventId, int index) {
        long bound = range.lengthFrom(at).abs().toMillis();
        if (bound == 0) {
            return Duration.ZERO;
        }
        long hash = hash(seed + "\u0000" + eventId + "\u0000" + index);
        long span = 2 * bound + 1;
        return Duration.ofMillis(Math.floorMod(hash, span) - bound);
    }

    private static long hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (digest[i] & 0xff);
            }
            return value;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
