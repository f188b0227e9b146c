package io.kelvin.collectors.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kelvin.core.telemetry.Aggregate;
import io.kelvin.core.telemetry.TimeValue;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StepGridTest {

    private static final Instant T0 = Instant.parse("2025-01-06T00:00:00Z");
    private static final long MS = T0.toEpochMilli();

    @Test
    void meanWeighsEachIntervalByHowMuchOfTheStepItCovers() {
        StepGrid grid = new StepGrid(T0, T0.plusSeconds(60), Duration.ofMinutes(1), Aggregate.MEAN);
        grid.add(MS, 40_000, 10);
        grid.add(MS + 40_000, 20_000, 40);

        // (10 * 40 s + 40 * 20 s) / 60 s
        assertThat(grid.values().get(0).value()).isCloseTo(20.0, within(1e-12));
    }

    @Test
    void aCoarseRowCountsInEveryFinerStepItOverlaps() {
        StepGrid grid = new StepGrid(T0, T0.plusSeconds(900), Duration.ofMinutes(1), Aggregate.MAX);
        grid.add(MS, 900_000, 7);

        assertThat(grid.values()).hasSize(15).extracting(TimeValue::value).containsOnly(7.0);
    }

    @Test
    void lastKeepsTheIntervalThatStartsLatestAndNaNIsIgnored() {
        StepGrid grid = new StepGrid(T0, T0.plusSeconds(60), Duration.ofMinutes(1), Aggregate.LAST);
        grid.add(MS + 50_000, 1_000, 3);
        grid.add(MS + 10_000, 1_000, 9);
        grid.add(MS + 55_000, 1_000, Double.NaN);

        assertThat(grid.values().get(0).value()).isEqualTo(3.0);
    }

    @Test
    void theLastStepIsCutAtTheEndOfTheRangeAndEmptyStepsAreGaps() {
        StepGrid grid = new StepGrid(T0, T0.plusSeconds(150), Duration.ofMinutes(1), Aggregate.MEAN);
        grid.add(MS + 130_000, 60_000, 5);

        assertThat(grid.values()).extracting(TimeValue::time)
                .containsExactly(T0, T0.plusSeconds(60), T0.plusSeconds(120));
        assertThat(grid.values().get(0).isGap()).isTrue();
        assertThat(grid.values().get(2).value()).isEqualTo(5.0);
    }
}
