package io.kelvin.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnergyIntegralTest {

    private static final Instant T0 = Instant.parse("2025-01-06T00:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private static StepMean full(Instant time, double kw) {
        return new StepMean(time, kw, MINUTE);
    }

    @Test
    void eachStepAddsItsMeanPowerTimesItsCoverageAndAGapStepAddsNothing() {
        List<StepMean> meanKw = List.of(full(T0, 60), StepMean.gap(T0.plusSeconds(60)), full(T0.plusSeconds(120), 120));

        EnergyIntegral energy = EnergyIntegral.of(meanKw, MINUTE, T0, T0.plusSeconds(180));

        // 60 kW * 1/60 h + 120 kW * 1/60 h
        assertThat(energy.kwh()).isCloseTo(3.0, within(1e-12));
        assertThat(energy.covered()).isEqualTo(Duration.ofMinutes(2));
        assertThat(energy.gaps()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aStepCoveredForPartOfItsLengthCountsOnlyThatPart() {
        // a store that keeps seconds knows the GOOD data lasted 15 s of the minute
        List<StepMean> meanKw = List.of(new StepMean(T0, 240, Duration.ofSeconds(15)));

        EnergyIntegral energy = EnergyIntegral.of(meanKw, MINUTE, T0, T0.plusSeconds(60));

        // 240 kW * 15 s
        assertThat(energy.kwh()).isCloseTo(1.0, within(1e-12));
        assertThat(energy.gaps()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void aPartialLastStepCountsOnlyUpToTheEnd() {
        List<StepMean> meanKw = List.of(full(T0, 60), full(T0.plusSeconds(60), 60));

        EnergyIntegral energy = EnergyIntegral.of(meanKw, MINUTE, T0, T0.plusSeconds(90));

        // 60 kW * 1.5 min
        assertThat(energy.kwh()).isCloseTo(1.5, within(1e-12));
        assertThat(energy.covered()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void aSpanThatStartsInsideAStepCountsOnlyThePartOfThatStepInsideIt() {
        List<StepMean> meanKw = List.of(full(T0, 60), full(T0.plusSeconds(60), 120));

        EnergyIntegral energy = EnergyIntegral.of(meanKw, MINUTE, T0.plusSeconds(30), T0.plusSeconds(90));

        // 60 kW * 30 s + 120 kW * 30 s = 0.5 kWh + 1 kWh
        assertThat(energy.kwh()).isCloseTo(1.5, within(1e-12));
        assertThat(energy.covered()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void stepsAreOneMinuteUpToSevenDaysAndFifteenMinutesBeyond() {
        assertThat(EnergyIntegral.stepFor(T0, T0.plus(Duration.ofDays(7)))).isEqualTo(Duration.ofMinutes(1));
        assertThat(EnergyIntegral.stepFor(T0, T0.plus(Duration.ofDays(8)))).isEqualTo(Duration.ofMinutes(15));
    }
}
