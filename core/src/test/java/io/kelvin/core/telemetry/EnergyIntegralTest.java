package io.kelvin.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnergyIntegralTest {

    private static final Instant T0 = Instant.parse("2025-01-06T00:00:00Z");

    @Test
    void eachStepAddsItsMeanPowerTimesItsLengthAndAGapStepAddsNothing() {
        List<TimeValue> meanKw = List.of(new TimeValue(T0, 60), new TimeValue(T0.plusSeconds(60), Double.NaN),
                new TimeValue(T0.plusSeconds(120), 120));

        EnergyIntegral energy = EnergyIntegral.of(meanKw, Duration.ofMinutes(1), T0.plusSeconds(180));

        // 60 kW * 1/60 h + 120 kW * 1/60 h
        assertThat(energy.kwh()).isCloseTo(3.0, within(1e-12));
        assertThat(energy.covered()).isEqualTo(Duration.ofMinutes(2));
        assertThat(energy.gaps()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aPartialLastStepCountsOnlyUpToTheEnd() {
        List<TimeValue> meanKw = List.of(new TimeValue(T0, 60), new TimeValue(T0.plusSeconds(60), 60));

        EnergyIntegral energy = EnergyIntegral.of(meanKw, Duration.ofMinutes(1), T0.plusSeconds(90));

        // 60 kW * 1.5 min
        assertThat(energy.kwh()).isCloseTo(1.5, within(1e-12));
        assertThat(energy.covered()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void stepsAreOneMinuteUpToSevenDaysAndFifteenMinutesBeyond() {
        assertThat(EnergyIntegral.stepFor(T0, T0.plus(Duration.ofDays(7)))).isEqualTo(Duration.ofMinutes(1));
        assertThat(EnergyIntegral.stepFor(T0, T0.plus(Duration.ofDays(8)))).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aSpanThatStartsInsideAStepCountsOnlyThePartOfThatStepInsideIt() {
        List<TimeValue> meanKw = List.of(new TimeValue(T0, 60), new TimeValue(T0.plusSeconds(60), 120));

        EnergyIntegral energy = EnergyIntegral.of(meanKw, Duration.ofMinutes(1), T0.plusSeconds(30), T0.plusSeconds(90));

        // 60 kW * 30 s + 120 kW * 30 s = 0.5 kWh + 1 kWh
        assertThat(energy.kwh()).isCloseTo(1.5, within(1e-12));
        assertThat(energy.covered()).isEqualTo(Duration.ofMinutes(1));
    }
}
