package io.kelvin.reports.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kelvin.core.site.MeterReplacement;
import io.kelvin.core.telemetry.TimeValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The counter rules on readings given per step (the store is tested in ReferencePeriodContract). */
class CounterSeriesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Duration STEP = Duration.ofMinutes(1);

    /** Readings of the steps starting at T0 - 1 min, T0, T0 + 1 min, ...: reading i stands for T0 + i min. */
    private static List<TimeValue> readings(double... values) {
        List<TimeValue> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            out.add(new TimeValue(T0.minus(STEP).plus(STEP.multipliedBy(i)), values[i]));
        }
        return out;
    }

    private static CounterSeries series(List<TimeValue> readings, OptionalDouble rollover, List<MeterReplacement> swaps) {
        Instant end = T0.plus(STEP.multipliedBy(readings.size() - 1));
        return new CounterSeries(readings, STEP, rollover, swaps, false, 1, T0, end);
    }

    @Test
    void aRisingRegisterGivesTheDifferenceOfItsEndReadings() {
        CounterSeries s = series(readings(100, 101, 103, 106), OptionalDouble.empty(), List.of());

        Measured m = s.between(T0, T0.plusSeconds(180));

        // 106 - 100
        assertThat(m.amount()).isEqualTo(6.0);
        assertThat(m.coverage()).isEqualTo(1.0);
        assertThat(s.between(T0.plusSeconds(60), T0.plusSeconds(120)).amount()).isEqualTo(2.0);
    }

    @Test
    void aFallWithARolloverValueCountsOneWrap() {
        CounterSeries s = series(readings(998, 999, 1, 2), OptionalDouble.of(1000), List.of());

        // 999 -> 1 wraps at 1000: 1 + 1000 - 999 = 2; in all 1 + 2 + 1
        assertThat(s.between(T0, T0.plusSeconds(180)).amount()).isEqualTo(4.0);
        assertThat(s.events()).extracting(CounterEvent::kind).containsExactly(CounterEvent.Kind.ROLLOVER);
    }

    @Test
    void aFallWithoutExplanationIsAGapNotNegativeEnergy() {
        CounterSeries s = series(readings(500, 510, 20, 30), OptionalDouble.empty(), List.of());

        Measured m = s.between(T0, T0.plusSeconds(180));

        // 510 - 500 and 30 - 20 count; the minute of the fall is unknown
        assertThat(m.amount()).isEqualTo(20.0);
        assertThat(m.covered()).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.events()).extracting(CounterEvent::kind).containsExactly(CounterEvent.Kind.UNEXPLAINED_FALL);
    }

    @Test
    void aReplacementIsBridgedByItsOldFinalAndNewFirstReadings() {
        // the meter is swapped at T0 + 90 s: the reading of the minute holding the swap is not used
        MeterReplacement swap = new MeterReplacement(T0.plusSeconds(90), new MeterReplacement.Readings(1012, 5),
                Optional.empty());
        CounterSeries s = series(readings(1000, 1010, 9, 15), OptionalDouble.empty(), List.of(swap));

        // (1010 - 1000) + (1012 - 1010) + (15 - 5)
        assertThat(s.between(T0, T0.plusSeconds(180)).amount()).isEqualTo(22.0);
        assertThat(s.events()).extracting(CounterEvent::kind).containsExactly(CounterEvent.Kind.REPLACEMENT);
    }

    @Test
    void aMissingStartReadingLeavesTheStartOfTheSpanUncovered() {
        CounterSeries s = series(readings(Double.NaN, Double.NaN, 50, 60), OptionalDouble.empty(), List.of());

        Measured m = s.between(T0, T0.plusSeconds(180));

        // readings stand for T0 + 2 min and T0 + 3 min: only the last minute is covered
        assertThat(m.amount()).isEqualTo(10.0);
        assertThat(m.coverage()).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void silentStepsBetweenReadingsCostNothing() {
        CounterSeries s = series(readings(0, Double.NaN, Double.NaN, 30), OptionalDouble.empty(), List.of());

        assertThat(s.between(T0, T0.plusSeconds(180)).amount()).isEqualTo(30.0);
        assertThat(s.between(T0, T0.plusSeconds(180)).coverage()).isEqualTo(1.0);
    }
}
