package io.kelvin.energyoptimizer.decompose;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.energyoptimizer.Tiny;
import io.kelvin.energyoptimizer.model.Horizon;
import io.kelvin.energyoptimizer.model.Job;
import io.kelvin.energyoptimizer.model.Problem;
import io.kelvin.energyoptimizer.model.Weights;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepairTest {

    private static final Effort NO_LIMIT = new Effort(Long.MAX_VALUE, java.time.Duration.ofDays(1));

    @Test
    void aLateJobGetsOnTimeByTakingTheRoomOfAJobThatCanWait() {
        // Slots 0-1 are cheap. The flexible job holds them; the urgent one (deadline 2) was pushed to 2-3,
        // 2 slots late. Moving either job alone cannot help: the urgent one has no room, and the flexible
        // one only gets dearer. Swapping them costs 0.66 EUR of energy and saves 8 EUR of lateness.
        Job flexible = Tiny.job("f", 2, 0, 6);
        Job urgent = Tiny.job("u", 2, 0, 2);
        Problem p = new Problem(Horizon.quarterHours(Tiny.T0, 6), Tiny.SITE, Tiny.FLAT_10_PERCENT,
                Tiny.flat(6).withPrice(0, 0.05).withPrice(1, 0.05), List.of(), List.of(flexible, urgent),
                Weights.defaults().withCarbonPrice(0), 4);
        Assignment a = new Assignment(new SlotCurves(p, true), p.jobs().stream().map(j -> new JobOptions(p, j)).toList());
        a.place(0, new JobOptions.Choice(new int[] {0, 1}, 0));
        a.place(1, new JobOptions.Choice(new int[] {2, 3}, 0));
        BestResponse.improve(a, NO_LIMIT);
        assertThat(a.choice[1].runSlots()).as("local search alone").containsExactly(2, 3);
        double before = a.objectiveEur();

        assertThat(Repair.placeMissed(a, NO_LIMIT)).isEqualTo(1);

        assertThat(a.choice[1].runSlots()).containsExactly(0, 1);
        assertThat(a.choice[0].runSlots()).hasSize(2).doesNotContain(0, 1);
        assertThat(a.objectiveEur()).isLessThan(before - 7);
    }

    @Test
    void aMissedJobGetsInByMovingASmallJobAsideWhereEvictingTheLargestWouldMissThatOne() {
        // Slot 1 is cheap and full: a 6-GPU job that can only run there and a 2-GPU job that could run in
        // any slot. The 2-GPU job m can only run in slot 1 too. Evicting the largest occupant misses it
        // instead of m; moving the small one to slot 0 or 2 makes room for m at the cost of a dearer slot.
        Job big = Job.of("big", 6, 7.5, 1, 1, 2);
        Job small = Job.of("small", 2, 2.5, 1, 0, 3);
        Job m = Job.of("m", 2, 2.5, 1, 1, 2);
        Problem p = new Problem(Horizon.quarterHours(Tiny.T0, 3), Tiny.SITE, Tiny.FLAT_10_PERCENT,
                Tiny.flat(3).withPrice(1, 0.05), List.of(), List.of(big, small, m), Weights.defaults().withCarbonPrice(0), 0);
        Assignment a = new Assignment(new SlotCurves(p, true), p.jobs().stream().map(j -> new JobOptions(p, j)).toList());
        a.place(0, new JobOptions.Choice(new int[] {1}, 0));
        a.place(1, new JobOptions.Choice(new int[] {1}, 0));
        a.place(2, a.jobs.get(2).missed());
        BestResponse.improve(a, NO_LIMIT);
        assertThat(a.choice[2].missed()).as("local search alone").isTrue();

        assertThat(Repair.placeMissed(a, NO_LIMIT)).isEqualTo(1);

        assertThat(a.choice[2].runSlots()).containsExactly(1);
        assertThat(a.choice[0].runSlots()).containsExactly(1);
        assertThat(a.choice[1].runSlots()).hasSize(1).doesNotContain(1);
    }
}
