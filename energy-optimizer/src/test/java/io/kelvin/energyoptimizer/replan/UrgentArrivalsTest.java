package io.kelvin.energyoptimizer.replan;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.energyoptimizer.model.ExpectedLoad;
import io.kelvin.energyoptimizer.model.Job;
import org.junit.jupiter.api.Test;

class UrgentArrivalsTest {

    @Test
    void urgentArrivalsOfTheLastWindowAreExpectedAgainGrowingWithLookahead() {
        UrgentArrivals arrivals = new UrgentArrivals(4, 1);
        arrivals.record(0, Job.of("urgent", 8, 10, 2, 0, 2)); // no slack
        arrivals.record(0, Job.of("flexible", 8, 10, 2, 0, 12)); // 10 slots of slack: not urgent
        ExpectedLoad load = arrivals.expectedAfter(1, 6, 0.25);
        // 8 GPUs x min(2, q) / 4 slots: nothing is unknown about the current slot.
        assertThat(new int[] {load.gpus(0), load.gpus(1), load.gpus(2), load.gpus(5)}).containsExactly(0, 2, 4, 4);
        assertThat(load.deltaKw(2)).isEqualTo(4.0); // (10 - 8 x 0.25) x 2 / 4
        assertThat(arrivals.expectedAfter(4, 6, 0.25).isNone()).as("the arrival has left the window").isTrue();
    }
}
