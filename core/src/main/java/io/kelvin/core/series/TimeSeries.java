package io.kelvin.core.series;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A series of values, each the mean over its interval {@code [start, end)}, in the canonical unit of its
 * {@link Measure} (a price also names its currency). Intervals are in time order and do not overlap;
 * time not covered by any interval is a gap, never a zero. Where a series comes from (a file, a feed) and
 * how fresh it is are the reader's business, not this type's.
 */
public record TimeSeries(String name, Measure measure, Optional<Currency> currency, List<Interval> intervals) {

    /** One value: the mean over {@code [start, end)}. */
    public record Interval(Instant start, Instant end, double value) {

        public Interval {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("interval must end after it starts: " + start + " .. " + end);
            }
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("value must be finite, was " + value + " at " + start);
            }
        }

        public Duration length() {
            return Duration.between(start, end);
        }
    }

    public TimeSeries {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(currency, "currency");
        intervals = List.copyOf(intervals);
        for (int i = 1; i < intervals.size(); i++) {
            if (intervals.get(i).start().isBefore(intervals.get(i - 1).end())) {
                throw new IllegalArgumentException(name + ": intervals overlap or are out of order at "
                        + intervals.get(i).start());
            }
        }
    }

    public boolean isEmpty() {
        return intervals.isEmpty();
    }

    /** Start of the first interval; empty for an empty series. */
    public Optional<Instant> first() {
        return intervals.isEmpty() ? Optional.empty() : Optional.of(intervals.get(0).start());
    }

    /** End of the last interval; empty for an empty series. */
    public Optional<Instant> last() {
        return intervals.isEmpty() ? Optional.empty() : Optional.of(intervals.get(intervals.size() - 1).end());
    }

    /**
     * The time-weighted mean over each of {@code count} slots of length {@code step} from {@code from}, over
     * the part of the slot the series covers; {@code NaN} for a slot it does not cover at all.
     */
    public double[] slotMeans(Instant from, Duration step, int count) {
        double[] out = new double[count];
        int i = firstEndingAfter(from);
        for (int s = 0; s < count; s++) {
            Instant a = from.plus(step.multipliedBy(s));
            Instant b = a.plus(step);
            while (i < intervals.size() && !intervals.get(i).end().isAfter(a)) {
                i++;
            }
            double weighted = 0;
            long covered = 0;
            for (int k = i; k < intervals.size() && intervals.get(k).start().isBefore(b); k++) {
                Interval v = intervals.get(k);
                long overlap = Duration.between(max(a, v.start()), min(b, v.end())).toMillis();
                weighted += v.value() * overlap;
                covered += overlap;
            }
            out[s] = covered == 0 ? Double.NaN : weighted / covered;
        }
        return out;
    }

    /** The part of this series that overlaps {@code [from, to)}, intervals cut at the edges. */
    public TimeSeries window(Instant from, Instant to) {
        List<Interval> out = new ArrayList<>();
        for (int k = firstEndingAfter(from); k < intervals.size() && intervals.get(k).start().isBefore(to); k++) {
            Interval v = intervals.get(k);
            out.add(new Interval(max(from, v.start()), min(to, v.end()), v.value()));
        }
        return new TimeSeries(name, measure, currency, out);
    }

    /** Index of the first interval that ends after {@code t} (binary search). */
    private int firstEndingAfter(Instant t) {
        int lo = 0;
        int hi = intervals.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (intervals.get(mid).end().isAfter(t)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
