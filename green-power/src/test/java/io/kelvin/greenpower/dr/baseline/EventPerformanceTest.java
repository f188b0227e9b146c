package io.kelvin.greenpower.dr.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kelvin.core.dr.DrSignal;
import io.kelvin.core.dr.EventRef;
import io.kelvin.core.telemetry.TimeValue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An event's delivered versus requested curtailment against a hand calculation (the numbers of the
 * reports' DemandResponseReportTest, in 15-minute steps, site zone Asia/Shanghai): the grid import is
 * 1000 kW on every day from 1 to 16 March except Monday 16 March (5000 kW, another event's day, left
 * out); on Tuesday 17 March it is 1050 kW, except 700 kW from 14:00 to 16:00, and the 15:45 step is
 * not measured. The event caps the import at 800 kW 14:00-15:00 and 650 kW 15:00-16:00.
 */
class EventPerformanceTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate EVENT_DAY = LocalDate.of(2026, 3, 17);
    private static final LocalDate OTHER_EVENT_DAY = LocalDate.of(2026, 3, 16);

    private static Instant at(String localTime) {
        return LocalDateTime.parse(EVENT_DAY + "T" + localTime).atZone(ZONE).toInstant();
    }

    private static DrSignal.CapLimit cap(String event, Instant from, Instant to, double kw) {
        return new DrSignal.CapLimit(new EventRef("prog", event, at("08:00")), from, to, DrSignal.Direction.IMPORT, kw,
                true, "IMPORT_CAPACITY_LIMIT");
    }

    private static LoadHistory load() {
        List<TimeValue> values = new ArrayList<>();
        Instant from = LocalDate.of(2026, 1, 20).atStartOfDay(ZONE).toInstant();
        for (Instant t = from; t.isBefore(at("18:00")); t = t.plus(EventPerformance.STEP)) {
            LocalDate day = t.atZone(ZONE).toLocalDate();
            double kw;
            if (day.equals(EVENT_DAY)) {
                kw = !t.isBefore(at("14:00")) && t.isBefore(at("16:00")) ? 700 : 1050;
            } else {
                kw = day.equals(OTHER_EVENT_DAY) ? 5000 : 1000;
            }
            if (!t.equals(at("15:45"))) {
                values.add(new TimeValue(t, kw));
            }
        }
        return new LoadHistory(values, EventPerformance.STEP);
    }

    private final List<DrSignal.CapLimit> caps = List.of(cap("ev-peak", at("14:00"), at("15:00"), 800),
            cap("ev-peak", at("15:00"), at("16:00"), 650));

    @Test
    void eachCapIntervalsRequestedDeliveredAndAboveCapEnergyEqualTheHandCalculation() {
        Set<LocalDate> excluded = EventPerformance.excludedDays("ev-peak", Map.of("ev-peak", caps, "ev-other",
                List.of(cap("ev-other", OTHER_EVENT_DAY.atTime(18, 0).atZone(ZONE).toInstant(),
                        OTHER_EVENT_DAY.atTime(19, 0).atZone(ZONE).toInstant(), 900))), ZONE);
        assertThat(excluded).containsExactly(OTHER_EVENT_DAY);

        EventPerformance.Result result = EventPerformance.of(load(), caps, ZONE, excluded);

        // 10 weekdays before the 17th without the 16th: 13, 12, 11, 10, 9, 6, 5, 4, 3, 2 March, all 1000 kW;
        // day-of ratio 1050 / 1000 over 10:00-13:00: baseline 1050 kW.
        assertThat(result.baseline().days()).hasSize(10).doesNotContain(OTHER_EVENT_DAY);
        assertThat(result.baseline().adjustment()).isCloseTo(1.05, within(1e-9));
        assertThat(result.baseline().values()).hasSize(8)
                .allSatisfy(v -> assertThat(v.value()).isCloseTo(1050, within(1e-9)));
        // 14:00-15:00, cap 800, 4 steps at 700: requested 250 kWh, delivered 350 kWh, nothing above: kept.
        EventPerformance.Interval first = result.intervals().get(0);
        assertThat(first.requestedKwh()).isCloseTo(250, within(1e-9));
        assertThat(first.deliveredKwh()).isCloseTo(350, within(1e-9));
        assertThat(first.aboveCapKwh()).isZero();
        assertThat(first.capKept()).contains(true);
        assertThat(first.deliveredShare().getAsDouble()).isCloseTo(1.4, within(1e-9));
        assertThat(first.measuredShare()).isEqualTo(1.0);
        // 15:00-16:00, cap 650, 3 measured steps at 700 (15:45 missing counts nothing): requested 400 x 0.75 = 300,
        // delivered 350 x 0.75 = 262.5, above the cap 50 x 0.75 = 37.5 kWh: not kept, 75 % measured.
        EventPerformance.Interval second = result.intervals().get(1);
        assertThat(second.baselineKw().getAsDouble()).isCloseTo(1050, within(1e-9));
        assertThat(second.actualKw().getAsDouble()).isCloseTo(700, within(1e-9));
        assertThat(second.requestedKwh()).isCloseTo(300, within(1e-9));
        assertThat(second.deliveredKwh()).isCloseTo(262.5, within(1e-9));
        assertThat(second.aboveCapKwh()).isCloseTo(37.5, within(1e-9));
        assertThat(second.capKept()).contains(false);
        assertThat(second.measuredSteps()).isEqualTo(3);
        assertThat(second.measuredShare()).isEqualTo(0.75);
        // Totals: requested 550, delivered 612.5, above 37.5 kWh, 1 of 2 caps kept, 7 of 8 steps measured.
        EventPerformance.Totals totals = result.totals();
        assertThat(totals.requestedKwh()).isCloseTo(550, within(1e-9));
        assertThat(totals.deliveredKwh()).isCloseTo(612.5, within(1e-9));
        assertThat(totals.aboveCapKwh()).isCloseTo(37.5, within(1e-9));
        assertThat(totals.intervalsKept()).isEqualTo(1);
        assertThat(totals.intervals()).isEqualTo(2);
        assertThat(totals.measuredShare()).isEqualTo(7 / 8.0);
        assertThat(result.steps()).hasSize(7);
    }

    @Test
    void anIntervalWithoutAnyMeasuredStepIsNotJudged() {
        Instant later = at("20:00");
        EventPerformance.Result result = EventPerformance.of(load(),
                List.of(cap("ev-late", later, later.plus(Duration.ofMinutes(30)), 900)), ZONE, Set.of());

        EventPerformance.Interval interval = result.intervals().getFirst();
        assertThat(interval.capKept()).isEqualTo(Optional.empty());
        assertThat(interval.baselineKw()).isEmpty();
        assertThat(interval.requestedKwh()).isZero();
        assertThat(interval.deliveredShare()).isEmpty();
        assertThat(interval.measuredShare()).isZero();
        assertThat(interval.expectedSteps()).isEqualTo(2);
    }
}
