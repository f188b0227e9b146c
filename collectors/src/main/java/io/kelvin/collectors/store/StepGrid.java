package io.kelvin.collectors.store;

import io.kelvin.core.telemetry.Aggregate;
import io.kelvin.core.telemetry.StepMean;
import io.kelvin.core.telemetry.TimeValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Folds stored intervals onto the steps a range query asked for: steps start at {@code from} and
 * are {@code step} long, the last one is cut at {@code to}. An interval contributes to every step
 * it overlaps: MEAN weights it by the overlap, MIN and MAX take it whole, LAST keeps the value of
 * the interval that starts latest. A step nothing overlaps stays {@code NaN}; values are never
 * carried into neighbouring steps. Times are epoch milliseconds. Not thread-safe.
 */
public final class StepGrid {

    private final long fromMs;
    private final long toMs;
    private final long stepMs;
    private final Aggregate aggregate;
    private final double[] value;
    private final double[] weight;
    private final long[] lastStart;

    public StepGrid(Instant from, Instant to, Duration step, Aggregate aggregate) {
        Objects.requireNonNull(aggregate, "aggregate");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("range must end after it starts: " + from + " .. " + to);
        }
        if (step.toMillis() <= 0) {
            throw new IllegalArgumentException("step must be at least 1 ms: " + step);
        }
        this.fromMs = from.toEpochMilli();
        this.toMs = to.toEpochMilli();
        this.stepMs = step.toMillis();
        this.aggregate = aggregate;
        int steps = Math.toIntExact((toMs - fromMs + stepMs - 1) / stepMs);
        value = new double[steps];
        weight = new double[steps];
        lastStart = new long[steps];
        Arrays.fill(value, Double.NaN);
        Arrays.fill(lastStart, Long.MIN_VALUE);
    }

    /** Number of steps, {@code ceil((to - from) / step)}. */
    public int size() {
        return value.length;
    }

    /** Adds the value that held over {@code [startMs, startMs + lengthMs)}; NaN is ignored. */
    public void add(long startMs, long lengthMs, double v) {
        long endMs = Math.min(startMs + lengthMs, toMs);
        long begin = Math.max(startMs, fromMs);
        if (Double.isNaN(v) || endMs <= begin) {
            return;
        }
        int first = (int) ((begin - fromMs) / stepMs);
        int last = (int) ((endMs - 1 - fromMs) / stepMs);
        for (int i = first; i <= last; i++) {
            long stepStart = fromMs + i * stepMs;
            long overlap = Math.min(endMs, stepStart + stepMs) - Math.max(begin, stepStart);
            fold(i, startMs, overlap, v);
        }
    }

    private void fold(int i, long startMs, long overlapMs, double v) {
        boolean empty = Double.isNaN(value[i]);
        switch (aggregate) {
            case MEAN -> {
                double total = (empty ? 0 : value[i] * weight[i]) + v * overlapMs;
                weight[i] += overlapMs;
                value[i] = total / weight[i];
            }
            case MIN -> value[i] = empty ? v : Math.min(value[i], v);
            case MAX -> value[i] = empty ? v : Math.max(value[i], v);
            case LAST -> {
                if (startMs >= lastStart[i]) {
                    lastStart[i] = startMs;
                    value[i] = v;
                }
            }
        }
    }

    /** One value per step, {@code NaN} where no interval overlapped. */
    public List<TimeValue> values() {
        List<TimeValue> out = new ArrayList<>(value.length);
        for (int i = 0; i < value.length; i++) {
            out.add(new TimeValue(Instant.ofEpochMilli(fromMs + i * stepMs), value[i]));
        }
        return List.copyOf(out);
    }

    /**
     * One mean per step with how long the intervals folded into it last (a MEAN grid only): exact
     * coverage where the folded intervals are finer than the steps.
     */
    public List<StepMean> means() {
        if (aggregate != Aggregate.MEAN) {
            throw new IllegalStateException("coverage is kept by MEAN grids only, this one folds " + aggregate);
        }
        List<StepMean> out = new ArrayList<>(value.length);
        for (int i = 0; i < value.length; i++) {
            Instant start = Instant.ofEpochMilli(fromMs + i * stepMs);
            out.add(Double.isNaN(value[i]) ? StepMean.gap(start) : new StepMean(start, value[i], Duration.ofMillis((long) weight[i])));
        }
        return List.copyOf(out);
    }

    /** An all-gap answer, for points that hold no data. */
    public static List<TimeValue> gaps(Instant from, Instant to, Duration step) {
        return new StepGrid(from, to, step, Aggregate.MEAN).values();
    }
}
