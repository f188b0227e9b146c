package io.kelvin.greenpower.dr.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kelvin.core.dr.Curtailment;
import io.kelvin.core.dr.DrSignal;
import io.kelvin.core.dr.EventRef;
import io.kelvin.core.telemetry.TimeValue;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Baselines against hand calculations on a small fixture: hourly load, flat within each day, UTC days.
 * The event is Wednesday 2026-07-15, 14:00-16:00; the adjustment window is 10:00-13:00.
 */
class BaselinesTest {

    private static final LocalDate EVENT_DAY = LocalDate.of(2026, 7, 15);
    private static final Instant START = Instant.parse("2026-07-15T14:00:00Z");
    private static final Instant END = Instant.parse("2026-07-15T16:00:00Z");
    /** 2026-07-08 was an earlier event day: excluded. */
    private static final Set<LocalDate> EXCLUDED = Set.of(LocalDate.of(2026, 7, 8));
    private static final Map<LocalDate, Double> DAILY = Map.of(
            LocalDate.of(2026, 7, 14), 1100.0, LocalDate.of(2026, 7, 13), 900.0,
            LocalDate.of(2026, 7, 8), 5000.0, LocalDate.of(2026, 6, 29), 9999.0);

    private static LoadHistory history(double adjustmentWindowKw) {
        List<TimeValue> values = new ArrayList<>();
        for (LocalDate day = EVENT_DAY.minusDays(50); day.isBefore(EVENT_DAY); day = day.plusDays(1)) {
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            double kw = weekend ? 3000 : DAILY.getOrDefault(day, 1000.0);
            for (int h = 0; h < 24; h++) {
                values.add(new TimeValue(day.atTime(h, 0).toInstant(ZoneOffset.UTC), kw));
            }
        }
        double[] eventDay = {adjustmentWindowKw, adjustmentWindowKw, adjustmentWindowKw, 1250, 900, 1000};
        for (int i = 0; i < eventDay.length; i++) {
            values.add(new TimeValue(EVENT_DAY.atTime(10 + i, 0).toInstant(ZoneOffset.UTC), eventDay[i]));
        }
        return new LoadHistory(values, Duration.ofHours(1));
    }

    @Test
    void caisoTenInTenAveragesTheTenLatestEligibleWeekdaysAndCapsTheDayOfRatioAtTwentyPercent() {
        Baseline b = Baselines.caiso10in10(history(1300), START, END, ZoneOffset.UTC, EXCLUDED);

        // Days: 07-14, 13, 10, 09, 07, 06, 03, 02, 01, 06-30 (07-08 excluded, weekends skipped, 06-29 is the 11th).
        assertThat(b.days()).hasSize(10).doesNotContain(LocalDate.of(2026, 7, 8), LocalDate.of(2026, 6, 29));
        // Unadjusted (1100 + 900 + 8 x 1000) / 10 = 1000; ratio 1300 / 1000 = 1.3, capped to 1.2: 1200 kW.
        assertThat(b.adjustment()).isEqualTo(1.2);
        assertThat(b.values()).extracting(TimeValue::value).containsExactly(1200.0, 1200.0);
        assertThat(b.notes()).anySatisfy(n -> assertThat(n).contains("capped"));
    }

    /**
     * An event to local midnight (22:00-24:00) and one just after it (00:00-02:00 the next day, its adjustment window
     * the evening before): each day's window is taken from the event's local day, so both find the ten weekdays
     * (1100 + 900 + 8 x 1000) / 10 = 1000 kW; the adjustment windows are not measured, so no day-of adjustment.
     */
    @Test
    void anEventToOrJustAfterLocalMidnightTakesEachDaysWindowFromTheEventsDay() {
        for (Instant start : List.of(Instant.parse("2026-07-15T22:00:00Z"), Instant.parse("2026-07-16T00:00:00Z"))) {
            Baseline b = Baselines.caiso10in10(history(1300), start, start.plus(Duration.ofHours(2)), ZoneOffset.UTC,
                    EXCLUDED);

            assertThat(b.days()).as("from %s", start).hasSize(10);
            assertThat(b.values()).extracting(TimeValue::value).containsExactly(1000.0, 1000.0);
            assertThat(b.notes()).anySatisfy(n -> assertThat(n).contains("no day-of adjustment"));
        }
    }

    @Test
    void caisoDayOfRatioInsideTheCapIsAppliedAsIs() {
        // 1100 / 1000 = 1.1: 1100 kW.
        Baseline b = Baselines.caiso10in10(history(1100), START, END, ZoneOffset.UTC, EXCLUDED);
        assertThat(b.adjustment()).isCloseTo(1.1, within(1e-12));
        assertThat(b.values()).extracting(TimeValue::value).allSatisfy(v -> assertThat(v).isCloseTo(1100.0, within(1e-9)));
    }

    @Test
    void pjmHighFourOfFiveDropsTheLowestOfTheFiveLatestWeekdaysAndAddsTheSymmetricAdjustment() {
        Baseline b = Baselines.pjmHigh4of5(history(1300), START, END, ZoneOffset.UTC, EXCLUDED);

        // Five latest eligible: 07-14 (1100), 07-13 (900), 07-10, 07-09, 07-07 (1000); drop 900.
        assertThat(b.days()).containsExactly(LocalDate.of(2026, 7, 14), LocalDate.of(2026, 7, 10),
                LocalDate.of(2026, 7, 9), LocalDate.of(2026, 7, 7));
        // CBL (1100 + 3 x 1000) / 4 = 1025; adjustment 1300 - 1025 = +275: 1300 kW.
        assertThat(b.adjustment()).isEqualTo(275.0);
        assertThat(b.values()).extracting(TimeValue::value).containsExactly(1300.0, 1300.0);
    }

    @Test
    void meterBeforeHoldsTheLoadOfTheHourBeforeTheEventFlat() {
        Baseline b = Baselines.meterBefore(history(1300), START, END, Duration.ofHours(1));
        // 13:00-14:00 metered 1250 kW.
        assertThat(b.values()).extracting(TimeValue::value).containsExactly(1250.0, 1250.0);
    }

    @Test
    void fewerEligibleDaysThanTheMethodWantsIsSaid() {
        List<TimeValue> twoDays = new ArrayList<>();
        for (LocalDate day : List.of(LocalDate.of(2026, 7, 14), LocalDate.of(2026, 7, 13))) {
            for (int h = 0; h < 24; h++) {
                twoDays.add(new TimeValue(day.atTime(h, 0).toInstant(ZoneOffset.UTC), 1000));
            }
        }
        Baseline b = Baselines.caiso10in10(new LoadHistory(twoDays, Duration.ofHours(1)), START, END, ZoneOffset.UTC, Set.of());
        assertThat(b.days()).hasSize(2);
        assertThat(b.notes()).contains("only 2 eligible day(s) of 10 in the last 45 days");
    }

    @Test
    void curtailmentComparesDeliveredWithRequestedPerInterval() {
        LoadHistory load = history(1300);
        Baseline b = Baselines.caiso10in10(load, START, END, ZoneOffset.UTC, EXCLUDED);
        DrSignal.CapLimit cap = new DrSignal.CapLimit(new EventRef("p", "e", START), START, END, DrSignal.Direction.IMPORT,
                950, true, "IMPORT_CAPACITY_LIMIT");

        List<Curtailment> c = Curtailments.perInterval(b, load, List.of(cap));

        // Baseline 1200; actual 900 then 1000: delivered 300 and 200; requested 1200 - 950 = 250.
        assertThat(c).extracting(Curtailment::deliveredKw).containsExactly(300.0, 200.0);
        assertThat(c).extracting(Curtailment::requestedKw).containsExactly(250.0, 250.0);
        assertThat(c.get(0).performance().getAsDouble()).isCloseTo(1.2, within(1e-12));
        assertThat(c.get(1).capKept(0)).isFalse();
    }
}
