package io.kelvin.collectors.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kelvin.core.telemetry.Aggregate;
import io.kelvin.core.telemetry.EnergyIntegral;
import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Quality;
import io.kelvin.core.telemetry.Sample;
import io.kelvin.core.telemetry.StepMean;
import io.kelvin.core.telemetry.TelemetryStore;
import io.kelvin.core.telemetry.TimeValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TelemetryStore} must do, run against each real store by a subclass. Data sits
 * at a fixed base time, one sample per second, so the expected numbers are exact.
 */
public abstract class TelemetryStoreContract {

    protected static final Instant BASE = Instant.parse("2025-01-06T00:00:00Z");
    protected static final PointId TEMP = PointId.of("cdu-01", "supply_temp_c");
    protected static final PointId POWER = PointId.of("meter-01", "power_kw");

    protected TelemetryStore store;

    /** Gives this test fresh, empty storage (a new dir or database). */
    protected abstract void newStorage() throws Exception;

    /** Opens a store on this test's storage; called again after close to reopen it. */
    protected abstract TelemetryStore open();

    @BeforeEach
    void openStore() throws Exception {
        newStorage();
        store = open();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void latestReturnsTheNewestSampleWithItsQuality() {
        store.write(everySecond(TEMP, 0, 3, i -> 20 + i));

        Sample latest = store.latest(TEMP).orElseThrow();

        assertThat(latest.value()).isEqualTo(22.0);
        assertThat(latest.quality()).isEqualTo(Quality.GOOD);
        assertThat(latest.sourceTime()).isEqualTo(BASE.plusSeconds(2));
        assertThat(store.latest(PointId.of("cdu-01", "never_written"))).isEmpty();
    }

    @Test
    void latestOfOnePointIgnoresNewerSamplesOfOtherPointsOfTheSameDevice() {
        PointId returnTemp = PointId.of(TEMP.device(), "return_temp_c");
        store.write(List.of(Sample.good(TEMP, 18, BASE), Sample.good(returnTemp, 28, BASE.plusSeconds(5))));

        assertThat(store.latest(TEMP).orElseThrow().sourceTime()).isEqualTo(BASE);
        assertThat(store.latest(returnTemp).orElseThrow().value()).isEqualTo(28.0);
    }

    @Test
    void aNonGoodQualityRoundTripsThroughLatest() {
        store.write(List.of(Sample.good(TEMP, 20, BASE),
                new Sample(TEMP, 41.5, Quality.COMM_FAILED, BASE.plusSeconds(1), BASE.plusSeconds(1))));
        assertThat(store.latest(TEMP).orElseThrow().quality()).isEqualTo(Quality.COMM_FAILED);
        assertThat(store.latest(TEMP).orElseThrow().value()).isEqualTo(41.5);

        // a bad sample without a value (NaN) is still the newest sample
        store.write(List.of(new Sample(TEMP, Double.NaN, Quality.BAD, BASE.plusSeconds(2), BASE.plusSeconds(2))));
        Sample latest = store.latest(TEMP).orElseThrow();
        assertThat(latest.quality()).isEqualTo(Quality.BAD);
        assertThat(latest.value()).isNaN();
        assertThat(latest.sourceTime()).isEqualTo(BASE.plusSeconds(2));
    }

    @Test
    void rewritingASampleAtTheSameTimeOverwritesInsteadOfDuplicating() {
        store.write(everySecond(TEMP, 0, 10, i -> 1));
        store.write(List.of(Sample.good(TEMP, 5, BASE.plusSeconds(9))));

        List<TimeValue> perSecond = store.range(TEMP, BASE, BASE.plusSeconds(10), Duration.ofSeconds(1), Aggregate.MEAN);
        List<TimeValue> whole = store.range(TEMP, BASE, BASE.plusSeconds(10), Duration.ofSeconds(10), Aggregate.MEAN);

        assertThat(perSecond).extracting(TimeValue::value).containsExactly(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 5.0);
        // (9 * 1 + 5) / 10; a duplicate would make it (9 * 1 + 1 + 5) / 11
        assertThat(whole.get(0).value()).isCloseTo(1.4, within(1e-9));
        assertThat(store.latest(TEMP).orElseThrow().value()).isEqualTo(5.0);
    }

    @Test
    void rangeReturnsExactlyOneValuePerStepWithNaNInGaps() {
        store.write(everySecond(TEMP, 0, 300, i -> 30));
        store.write(everySecond(TEMP, 600, 900, i -> 32));

        List<TimeValue> minutes = store.range(TEMP, BASE, BASE.plusSeconds(900), Duration.ofMinutes(1), Aggregate.MEAN);

        assertThat(minutes).hasSize(15);
        assertThat(minutes).extracting(TimeValue::time)
                .containsExactlyElementsOf(stepsOf(Duration.ofMinutes(1), 15));
        assertThat(minutes.subList(0, 5)).extracting(TimeValue::value).containsOnly(30.0);
        assertThat(minutes.subList(5, 10)).allMatch(TimeValue::isGap);
        assertThat(minutes.subList(10, 15)).extracting(TimeValue::value).containsOnly(32.0);
    }

    @Test
    void meanMinMaxAndLastFoldEachStepOverKnownData() {
        // second i holds i + 1: minute 0 holds 1..60, minute 1 holds 61..120
        store.write(everySecond(TEMP, 0, 120, i -> i + 1));
        Instant to = BASE.plusSeconds(120);
        Duration minute = Duration.ofMinutes(1);

        assertThat(values(store.range(TEMP, BASE, to, minute, Aggregate.MEAN))).containsExactly(30.5, 90.5);
        assertThat(values(store.range(TEMP, BASE, to, minute, Aggregate.MIN))).containsExactly(1.0, 61.0);
        assertThat(values(store.range(TEMP, BASE, to, minute, Aggregate.MAX))).containsExactly(60.0, 120.0);
        assertThat(values(store.range(TEMP, BASE, to, minute, Aggregate.LAST))).containsExactly(60.0, 120.0);
    }

    @Test
    void energyOfAConstant100kWOverOneHourIs100kWhComplete() {
        store.write(everySecond(POWER, 0, 3600, i -> 100));

        EnergyIntegral energy = store.energy(POWER, BASE, BASE.plus(Duration.ofHours(1)));

        // 100 kW * 1 h
        assertThat(energy.kwh()).isCloseTo(100.0, within(1e-9));
        assertThat(energy.covered()).isEqualTo(Duration.ofHours(1));
        assertThat(energy.gaps()).isZero();
        assertThat(energy.completeness()).isEqualTo(1.0);
    }

    @Test
    void energyWithAFifteenMinuteHoleIs75kWhWithFifteenMinutesOfGaps() {
        store.write(everySecond(POWER, 0, 3600, i -> 100, i -> i < 1800 || i >= 2700));

        EnergyIntegral energy = store.energy(POWER, BASE, BASE.plus(Duration.ofHours(1)));

        // 100 kW * 45 min; the hole is disclosed, not interpolated over
        assertThat(energy.kwh()).isCloseTo(75.0, within(1e-9));
        assertThat(energy.gaps()).isEqualTo(Duration.ofMinutes(15));
        assertThat(energy.covered()).isEqualTo(Duration.ofMinutes(45));
    }

    @Test
    void goodMeansCountOnlyGoodSamplesWhileRangeShowsEveryValue() {
        // minute 1: seconds 60..89 COMM_FAILED still carrying 99, seconds 90..119 GOOD at 10
        store.write(everySecondWithQuality(TEMP, 0, 120, i -> i >= 60 && i < 90 ? 99 : 10,
                i -> i >= 60 && i < 90 ? Quality.COMM_FAILED : Quality.GOOD));
        Duration minute = Duration.ofMinutes(1);

        assertThat(means(store.goodMeans(TEMP, BASE, BASE.plusSeconds(120), minute))).containsExactly(10.0, 10.0);
        // (30 * 99 + 30 * 10) / 60
        assertThat(values(store.range(TEMP, BASE, BASE.plusSeconds(120), minute, Aggregate.MEAN)))
                .containsExactly(10.0, 54.5);
    }

    @Test
    void aStepWithoutAnyGoodSampleIsAGapInGoodMeans() {
        store.write(everySecondWithQuality(TEMP, 0, 180, i -> 20, i -> i >= 60 && i < 120 ? Quality.UNCERTAIN : Quality.GOOD));

        List<StepMean> good = store.goodMeans(TEMP, BASE, BASE.plusSeconds(180), Duration.ofMinutes(1));

        assertThat(good.get(0).mean()).isEqualTo(20.0);
        assertThat(good.get(1).isGap()).isTrue();
        assertThat(good.get(2).mean()).isEqualTo(20.0);
        assertThat(good.get(2).covered()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void energyCountsOnlyGoodPowerAndDisclosesTheRestAsGaps() {
        // 100 kW all hour, but minutes 30..44 are STALE: the store keeps them, the audit does not count them
        store.write(everySecondWithQuality(POWER, 0, 3600, i -> 100, i -> i >= 1800 && i < 2700 ? Quality.STALE : Quality.GOOD));

        EnergyIntegral energy = store.energy(POWER, BASE, BASE.plus(Duration.ofHours(1)));

        // 100 kW * 45 min of GOOD data
        assertThat(energy.kwh()).isCloseTo(75.0, within(1e-9));
        assertThat(energy.gaps()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void goodReadingsGiveALastGoodValuePerStepAndNeverANonGoodOne() {
        // a counter: second i reads 1000 + i; second 119 is BAD and reads 5; minute 2 is all COMM_FAILED
        store.write(everySecondWithQuality(POWER, 0, 180, i -> i == 119 ? 5 : 1000 + i,
                i -> i == 119 ? Quality.BAD : i >= 120 ? Quality.COMM_FAILED : Quality.GOOD));

        List<TimeValue> readings = store.goodReadings(POWER, BASE, BASE.plusSeconds(180), Duration.ofMinutes(1));

        assertThat(readings.get(0).value()).isEqualTo(1059.0);
        // the last GOOD value of minute 1 is 1118; a store that cannot tell may say NaN, never 5
        assertThat(readings.get(1).value()).satisfiesAnyOf(v -> assertThat(v).isEqualTo(1118.0), v -> assertThat(v).isNaN());
        assertThat(readings.get(2).isGap()).isTrue();
    }

    @Test
    void dataWrittenBeforeCloseIsThereAfterReopening() {
        List<Sample> samples = new ArrayList<>(everySecond(TEMP, 0, 119, i -> 25));
        samples.add(new Sample(TEMP, 26.5, Quality.UNCERTAIN, BASE.plusSeconds(119), BASE.plusSeconds(119)));
        store.write(samples);

        store.close();
        store = open();

        Sample latest = store.latest(TEMP).orElseThrow();
        assertThat(latest.value()).isEqualTo(26.5);
        assertThat(latest.quality()).isEqualTo(Quality.UNCERTAIN);
        assertThat(latest.sourceTime()).isEqualTo(BASE.plusSeconds(119));
        // minute 1: 59 s at 25 and 1 s at 26.5
        assertThat(values(store.range(TEMP, BASE, BASE.plusSeconds(120), Duration.ofMinutes(1), Aggregate.MEAN)))
                .containsExactly(25.0, (59 * 25 + 26.5) / 60);
    }

    @Test
    void pollOverrunMarkersAreGapsThatTheStoreLabelsAndAnOutageIsNot() {
        // seconds 70..72: poll cycles skipped under overload; 130..134: the device did not answer
        store.write(everySecondWithQuality(TEMP, 0, 180, i -> i >= 70 && i < 73 || i >= 130 && i < 135 ? Double.NaN : 20,
                i -> i >= 70 && i < 73 ? Quality.POLL_OVERRUN : i >= 130 && i < 135 ? Quality.COMM_FAILED : Quality.GOOD));
        store.close();
        store = open();
        Instant to = BASE.plusSeconds(180);

        assertThat(store.pollOverrunSteps(TEMP, BASE, to, Duration.ofSeconds(1)))
                .containsExactly(BASE.plusSeconds(70), BASE.plusSeconds(71), BASE.plusSeconds(72));
        assertThat(store.pollOverrunSteps(TEMP, BASE, to, Duration.ofMinutes(1))).containsExactly(BASE.plusSeconds(60));
        assertThat(store.pollOverrunSteps(POWER, BASE, to, Duration.ofMinutes(1))).isEmpty();
        List<TimeValue> seconds = store.range(TEMP, BASE, to, Duration.ofSeconds(1), Aggregate.MEAN);
        assertThat(seconds.subList(70, 73)).allSatisfy(v -> assertThat(v.isGap()).isTrue());
        assertThat(seconds.get(69).value()).isEqualTo(20.0);
        assertThat(seconds.get(73).value()).isEqualTo(20.0);
        assertThat(store.goodMeans(TEMP, BASE, to, Duration.ofSeconds(1)).subList(70, 73))
                .allSatisfy(m -> assertThat(m.isGap()).isTrue());
    }

    /** Samples at BASE + i seconds for i in [from, to), value f(i), all GOOD. */
    protected static List<Sample> everySecond(PointId point, int from, int to, IntToDoubleFunction value) {
        return everySecond(point, from, to, value, i -> true);
    }

    /** Samples at BASE + i seconds for i in [from, to), value f(i), quality q(i). */
    protected static List<Sample> everySecondWithQuality(PointId point, int from, int to, IntToDoubleFunction value,
            IntFunction<Quality> quality) {
        List<Sample> samples = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Instant time = BASE.plusSeconds(i);
            samples.add(new Sample(point, value.applyAsDouble(i), quality.apply(i), time, time));
        }
        return samples;
    }

    protected static List<Sample> everySecond(PointId point, int from, int to, IntToDoubleFunction value,
            IntPredicate keep) {
        List<Sample> samples = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (keep.test(i)) {
                samples.add(Sample.good(point, value.applyAsDouble(i), BASE.plusSeconds(i)));
            }
        }
        return samples;
    }

    protected static List<Double> means(List<StepMean> series) {
        return series.stream().map(StepMean::mean).toList();
    }

    protected static List<Double> values(List<TimeValue> series) {
        return series.stream().map(TimeValue::value).toList();
    }

    private static List<Instant> stepsOf(Duration step, int count) {
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            times.add(BASE.plus(step.multipliedBy(i)));
        }
        return times;
    }
}
