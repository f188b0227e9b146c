package io.kelvin.greenpower.feed;

import io.kelvin.core.series.TimeSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays a series over any time: its period is the whole days it covers (at least one), and an instant {@code t}
 * reads the series at {@code first + floorMod(t - first, period)}. Used for sample files (a month of carbon, a day of
 * tariff) that stand for every date; the provenance says so.
 */
final class Repeat {

    private Repeat() {
    }

    static Duration period(TimeSeries s) {
        if (s.isEmpty()) {
            return Duration.ofDays(1);
        }
        long days = Duration.between(s.first().orElseThrow(), s.last().orElseThrow()).toDays();
        return Duration.ofDays(Math.max(1, days));
    }

    /** The series shifted by whole periods so that it covers {@code [from, to)}. */
    static TimeSeries over(TimeSeries s, Instant from, Instant to) {
        if (s.isEmpty()) {
            return s;
        }
        Instant first = s.first().orElseThrow();
        long period = period(s).toMillis();
        long startShift = Math.floorDiv(Duration.between(first, from).toMillis(), period);
        long endShift = Math.floorDiv(Duration.between(first, to).toMillis(), period);
        Instant periodEnd = first.plusMillis(period);
        List<TimeSeries.Interval> out = new ArrayList<>();
        for (long k = startShift; k <= endShift; k++) {
            Duration shift = Duration.ofMillis(k * period);
            for (TimeSeries.Interval v : s.intervals()) {
                if (!v.start().isBefore(periodEnd)) {
                    break;
                }
                Instant a = v.start().plus(shift);
                Instant b = (v.end().isAfter(periodEnd) ? periodEnd : v.end()).plus(shift);
                if (b.isAfter(from) && a.isBefore(to)) {
                    out.add(new TimeSeries.Interval(a, b, v.value()));
                }
            }
        }
        return new TimeSeries(s.name(), s.measure(), s.currency(), out);
    }
}
