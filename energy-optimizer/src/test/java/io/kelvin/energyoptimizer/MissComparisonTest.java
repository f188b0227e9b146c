package io.kelvin.energyoptimizer;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.energyoptimizer.check.ObjectiveTerms;
import io.kelvin.energyoptimizer.model.Job;
import io.kelvin.energyoptimizer.scenario.MissComparison;
import io.kelvin.energyoptimizer.scenario.ScenarioResult;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MissComparisonTest {

    /** j0..j19: 320 GPUs, 4 slots, window [10 i, 10 i + 6), urgent (priority 3). */
    private static final List<Job> JOBS = IntStream.range(0, 20)
            .mapToObj(i -> Job.of("j" + i, 320, 304, 4, 10 * i, 10 * i + 6).withPriority(3)).toList();

    private static ScenarioResult result(String policy, Set<String> missed, Set<String> capBreaking) {
        return new ScenarioResult(policy, 0, 0, 0, 0, missed, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, capBreaking, 0, ObjectiveTerms.NONE);
    }

    @Test
    void aJobMetOnlyWhileBreakingADrCapIsNotCountedAsMetWithinCaps() {
        ScenarioResult optimizer = result("opt", Set.of("j1", "j2"), Set.of());
        ScenarioResult baseline = result("base", Set.of(), Set.of("j2", "j7"));

        MissComparison c = MissComparison.of(optimizer, baseline, JOBS);

        assertThat(c.metWithinCaps()).containsExactly("j1");
        assertThat(c.metBreakingCaps()).containsExactly("j2");
        assertThat(c.line()).isEqualTo(
                "opt vs base: missed 2 jobs this baseline met (1 within the DR caps: j1; 1 only while breaking a DR cap);"
                        + " 0 traded (the baseline missed in the same hours jobs this policy met, weighing at least as"
                        + " much), 1 not");
    }

    @Test
    void aJobBothPoliciesMissedIsNotCounted() {
        ScenarioResult optimizer = result("opt", Set.of("j1", "j2"), Set.of());
        ScenarioResult baseline = result("base", Set.of("j1", "j2"), Set.of("j1"));

        MissComparison c = MissComparison.of(optimizer, baseline, JOBS);

        assertThat(c.metByBaseline()).isZero();
        assertThat(c.line()).isEqualTo(
                "opt vs base: missed 0 jobs this baseline met (0 within the DR caps; 0 only while breaking a DR cap)");
    }

    @Test
    void theLineListsAtMostTenIdsInThePolicysMissOrder() {
        Set<String> missed = IntStream.range(0, 12).mapToObj(i -> "j" + i)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        MissComparison c = MissComparison.of(result("opt", missed, Set.of()), result("base", Set.of(), Set.of()), JOBS);

        assertThat(c.metWithinCaps()).hasSize(12).startsWith("j0", "j1", "j2");
        assertThat(c.line()).contains("(12 within the DR caps: j0, j1, j2, j3, j4, j5, j6, j7, j8, j9, ...;");
    }

    @Test
    void aJobTheBaselineMetByMissingAsLargeAJobInTheSameHoursIsTraded() {
        List<Job> jobs = List.of(Job.of("small", 320, 304, 5, 98, 107).withPriority(3),
                Job.of("long", 320, 304, 124, 88, 216).withPriority(3), Job.of("far", 960, 912, 40, 400, 450));
        ScenarioResult optimizer = result("opt", Set.of("small"), Set.of());
        ScenarioResult baseline = result("base", Set.of("long", "far"), Set.of());

        MissComparison c = MissComparison.of(optimizer, baseline, jobs);

        assertThat(c.metWithinCaps()).containsExactly("small");
        assertThat(c.tradedFor()).containsEntry("small", List.of("long"));
        assertThat(c.untraded()).isEmpty();
        assertThat(c.line()).endsWith("1 traded (the baseline missed in the same hours jobs this policy met, weighing"
                + " at least as much: small for long), 0 not");
    }

    @Test
    void aMissTheBaselinePaidForWithSmallerOrUnrelatedMissesIsNotTraded() {
        List<Job> jobs = List.of(Job.of("big", 960, 912, 8, 100, 112).withPriority(3),
                Job.of("tiny", 320, 304, 1, 100, 105).withPriority(3), Job.of("later", 960, 912, 40, 200, 250).withPriority(3));
        ScenarioResult optimizer = result("opt", Set.of("big"), Set.of());
        ScenarioResult baseline = result("base", Set.of("tiny", "later"), Set.of());

        MissComparison c = MissComparison.of(optimizer, baseline, jobs);

        assertThat(c.tradedFor()).isEmpty();
        assertThat(c.untraded()).containsExactly("big");
    }

    @Test
    void eachOfTheBaselinesMissesPaysForAtMostOneOfThePolicys() {
        // In the policy's miss order: j1, then j2.
        ScenarioResult optimizer = result("opt", new LinkedHashSet<>(List.of("j1", "j2")), Set.of());
        // One long job the baseline missed overlaps both of the policy's misses and weighs as much as each.
        List<Job> jobs = new java.util.ArrayList<>(JOBS);
        jobs.add(Job.of("wide", 320, 304, 4, 10, 26).withPriority(3));
        ScenarioResult baseline = result("base", Set.of("wide"), Set.of());

        MissComparison c = MissComparison.of(optimizer, baseline, jobs);

        assertThat(c.tradedFor()).containsOnlyKeys("j1");
        assertThat(c.untraded()).containsExactly("j2");
    }

    @Test
    void aJobThePolicyMetOnlyWhileBreakingACapCannotPayForAMiss() {
        ScenarioResult optimizer = result("opt", Set.of("j1"), Set.of("j0"));
        ScenarioResult baseline = result("base", Set.of("j0"), Set.of());
        List<Job> jobs = List.of(JOBS.get(1), Job.of("j0", 320, 304, 4, 8, 14).withPriority(3));

        assertThat(MissComparison.of(optimizer, baseline, jobs).untraded()).containsExactly("j1");
    }
}
