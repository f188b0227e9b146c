package io.kelvin.greenpower.dr.baseline;

import io.kelvin.core.telemetry.TimeValue;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Customer baselines from stored meter data, as pure functions over a {@link LoadHistory}.
 *
 * <ul>
 *   <li><b>CAISO 10-in-10</b> (California ISO, Business Practice Manual for Metering, customer load
 *       baseline for proxy demand resources; "a 10 of 10 baseline with a 20 % same-day adjustment",
 *       CAISO Baseline Accuracy Work Group, 2017): the 10 most recent eligible days of the event's
 *       day type (weekdays; weekend and holiday events use 4 in 4) within a 45-day look-back, averaged
 *       step by step; then multiplied by the day-of adjustment ratio = actual mean / baseline mean over
 *       the three hours that end one hour before the event, capped to 0.8..1.2 (plus or minus 20 %).</li>
 *   <li><b>PJM High 4 of 5</b> (PJM Manual 11, Energy and Ancillary Services Market Operations,
 *       section 10, Customer Baseline Load): of the 5 most recent eligible weekdays (3 for weekend
 *       events) within 45 days, the 4 (2) with the highest mean load over the event hours, averaged step
 *       by step; then the symmetric additive adjustment: plus (actual mean - baseline mean) over the
 *       same three hours ending one hour before the event, uncapped.</li>
 *   <li><b>Meter before/after</b> (NAESB WEQ-015 "Meter Before / Meter After"): the mean metered load
 *       over a window just before the event, held flat over the event.</li>
 * </ul>
 *
 * Eligible days: before the event day, of the same day type (an event on a day in {@code excluded},
 * such as a holiday, counts as a weekend event), not in {@code excluded} (other event days, holidays,
 * outages), with every step of the event window and the adjustment window measured.
 * Days are the site's local days ({@code zone}); an event window is taken at the same local clock time
 * on each day. Every function returns a {@link Baseline} naming the days it used.
 */
public final class Baselines {

    /** Look-back for eligible days (both CAISO and PJM use 45 days). */
    public static final int LOOKBACK_DAYS = 45;
    /** The adjustment window: the three hours that end one hour before the event. */
    static final Duration ADJUSTMENT_START = Duration.ofHours(4);
    static final Duration ADJUSTMENT_END = Duration.ofHours(1);
    static final double CAISO_CAP = 0.20;

    private Baselines() {
    }

    /** CAISO 10-in-10 with the day-of adjustment capped at plus or minus 20 %. */
    public static Baseline caiso10in10(LoadHistory load, Instant start, Instant end, ZoneId zone, Set<LocalDate> excluded) {
        boolean weekday = isWeekday(start, zone, excluded);
        int days = weekday ? 10 : 4;
        List<String> notes = new ArrayList<>();
        List<LocalDate> chosen = eligible(load, start, end, zone, excluded, weekday, days, notes);
        LocalDate eventDay = start.atZone(zone).toLocalDate();
        List<TimeValue> raw = average(load, start, end, zone, eventDay, chosen);
        double ratio = 1;
        OptionalDouble actual = load.mean(start.minus(ADJUSTMENT_START), start.minus(ADJUSTMENT_END));
        OptionalDouble base = mean(average(load, start.minus(ADJUSTMENT_START), start.minus(ADJUSTMENT_END), zone,
                eventDay, chosen));
        if (actual.isPresent() && base.isPresent() && base.getAsDouble() > 0) {
            double unclamped = actual.getAsDouble() / base.getAsDouble();
            ratio = Math.max(1 - CAISO_CAP, Math.min(1 + CAISO_CAP, unclamped));
            if (ratio != unclamped) {
                notes.add(String.format("day-of adjustment %.3f capped to %.2f", unclamped, ratio));
            }
        } else {
            notes.add("no day-of adjustment: the three hours before the event are not all measured");
        }
        double r = ratio;
        return new Baseline("CAISO 10-in-10", scale(raw, v -> v * r), chosen, ratio, notes);
    }

    /** PJM High 4 of 5 (High 2 of 3 on weekends and holidays) with the symmetric additive adjustment. */
    public static Baseline pjmHigh4of5(LoadHistory load, Instant start, Instant end, ZoneId zone, Set<LocalDate> excluded) {
        boolean weekday = isWeekday(start, zone, excluded);
        int window = weekday ? 5 : 3;
        int keep = weekday ? 4 : 2;
        List<String> notes = new ArrayList<>();
        List<LocalDate> candidates = eligible(load, start, end, zone, excluded, weekday, window, notes);
        LocalDate eventDay = start.atZone(zone).toLocalDate();
        List<LocalDate> chosen = candidates.stream()
                .sorted(Comparator.comparingDouble((LocalDate d) -> -mean(load, shift(start, zone, eventDay, d),
                                shift(end, zone, eventDay, d)))
                        .thenComparing(Comparator.reverseOrder()))
                .limit(keep).sorted(Comparator.reverseOrder()).toList();
        List<TimeValue> raw = average(load, start, end, zone, eventDay, chosen);
        double delta = 0;
        OptionalDouble actual = load.mean(start.minus(ADJUSTMENT_START), start.minus(ADJUSTMENT_END));
        OptionalDouble base = mean(average(load, start.minus(ADJUSTMENT_START), start.minus(ADJUSTMENT_END), zone,
                eventDay, chosen));
        if (actual.isPresent() && base.isPresent()) {
            delta = actual.getAsDouble() - base.getAsDouble();
        } else {
            notes.add("no symmetric additive adjustment: the three hours before the event are not all measured");
        }
        double d = delta;
        return new Baseline("PJM High 4 of 5", scale(raw, v -> v + d), chosen, delta, notes);
    }

    /** Meter before/after: the mean load over {@code [start - before, start)}, flat over the event. */
    public static Baseline meterBefore(LoadHistory load, Instant start, Instant end, Duration before) {
        OptionalDouble mean = load.mean(start.minus(before), start);
        List<String> notes = mean.isPresent() ? List.of() : List.of("the window before the event is not all measured");
        double value = mean.orElse(Double.NaN);
        List<TimeValue> values = new ArrayList<>();
        for (Instant t = start; t.isBefore(end); t = t.plus(load.step())) {
            values.add(new TimeValue(t, value));
        }
        return new Baseline("meter before/after", values, List.of(), 0, notes);
    }

    private static boolean isWeekday(Instant at, ZoneId zone, Set<LocalDate> excluded) {
        LocalDate day = at.atZone(zone).toLocalDate();
        return !weekend(day) && !excluded.contains(day);
    }

    private static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** The {@code count} most recent eligible days before the event day, newest first. */
    private static List<LocalDate> eligible(LoadHistory load, Instant start, Instant end, ZoneId zone,
                                            Set<LocalDate> excluded, boolean weekday, int count, List<String> notes) {
        LocalDate eventDay = start.atZone(zone).toLocalDate();
        List<LocalDate> days = new ArrayList<>();
        for (int back = 1; back <= LOOKBACK_DAYS && days.size() < count; back++) {
            LocalDate day = eventDay.minusDays(back);
            boolean sameType = weekday == !weekend(day);
            if (!sameType || excluded.contains(day)) {
                continue;
            }
            Instant from = shift(start.minus(ADJUSTMENT_START), zone, eventDay, day);
            Instant to = shift(end, zone, eventDay, day);
            if (load.mean(from, to).isPresent()) {
                days.add(day);
            }
        }
        if (days.size() < count) {
            notes.add("only " + days.size() + " eligible day(s) of " + count + " in the last " + LOOKBACK_DAYS + " days");
        }
        return days;
    }

    /**
     * {@code at} moved from the event's local day to {@code day}: the same local clock time, as many local days
     * earlier as {@code day} lies before {@code eventDay}. An instant of the event's window or its adjustment window on
     * the local day after or before the event day (an event to or across midnight) moves with it.
     */
    static Instant shift(Instant at, ZoneId zone, LocalDate eventDay, LocalDate day) {
        ZonedDateTime local = at.atZone(zone);
        return local.plusDays(day.toEpochDay() - eventDay.toEpochDay()).toInstant();
    }

    private static List<TimeValue> average(LoadHistory load, Instant start, Instant end, ZoneId zone, LocalDate eventDay,
                                           List<LocalDate> days) {
        List<TimeValue> values = new ArrayList<>();
        for (Instant t = start; t.isBefore(end); t = t.plus(load.step())) {
            double sum = 0;
            int n = 0;
            for (LocalDate day : days) {
                OptionalDouble v = load.at(shift(t, zone, eventDay, day));
                if (v.isPresent()) {
                    sum += v.getAsDouble();
                    n++;
                }
            }
            values.add(new TimeValue(t, n == 0 ? Double.NaN : sum / n));
        }
        return values;
    }

    private static double mean(LoadHistory load, Instant from, Instant to) {
        return load.mean(from, to).orElse(Double.NEGATIVE_INFINITY);
    }

    private static OptionalDouble mean(List<TimeValue> values) {
        if (values.isEmpty() || values.stream().anyMatch(TimeValue::isGap)) {
            return OptionalDouble.empty();
        }
        return values.stream().mapToDouble(TimeValue::value).average();
    }

    private static List<TimeValue> scale(List<TimeValue> values, java.util.function.DoubleUnaryOperator f) {
        return values.stream().map(v -> new TimeValue(v.time(), f.applyAsDouble(v.value()))).toList();
    }
}
