package io.kelvin.energyoptimizer;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.energyoptimizer.scenario.MissComparison;
import io.kelvin.energyoptimizer.scenario.ScenarioResult;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MissComparisonTest {

    private static ScenarioResult result(String policy, Set<String> missed, Set<String> capBreaking) {
        return new ScenarioResult(policy, 0, 0, 0, 0, missed, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, capBreaking);
    }

    @Test
    void aJobMetOnlyWhileBreakingADrCapIsNotCountedAsMetWithinCaps() {
        ScenarioResult optimizer = result("opt", Set.of("j1", "j2"), Set.of());
        ScenarioResult baseline = result("base", Set.of(), Set.of("j2", "j7"));

        MissComparison c = MissComparison.of(optimizer, baseline);

        assertThat(c.metWithinCaps()).containsExactly("j1");
        assertThat(c.metBreakingCaps()).containsExactly("j2");
        assertThat(c.line()).isEqualTo(
                "opt vs base: missed 2 jobs this baseline met (1 within the DR caps: j1; 1 only while breaking a DR cap)");
    }

    @Test
    void aJobBothPoliciesMissedIsNotCounted() {
        ScenarioResult optimizer = result("opt", Set.of("j1", "j2"), Set.of());
        ScenarioResult baseline = result("base", Set.of("j1", "j2"), Set.of("j1"));

        MissComparison c = MissComparison.of(optimizer, baseline);

        assertThat(c.metByBaseline()).isZero();
        assertThat(c.line()).isEqualTo(
                "opt vs base: missed 0 jobs this baseline met (0 within the DR caps; 0 only while breaking a DR cap)");
    }

    @Test
    void theLineListsAtMostTenIdsInThePolicysMissOrder() {
        Set<String> missed = IntStream.range(0, 12).mapToObj(i -> "j" + i)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        MissComparison c = MissComparison.of(result("opt", missed, Set.of()), result("base", Set.of(), Set.of()));

        assertThat(c.metWithinCaps()).hasSize(12).startsWith("j0", "j1", "j2");
        assertThat(c.line()).contains("(12 within the DR caps: j0, j1, j2, j3, j4, j5, j6, j7, j8, j9, ...;");
    }
}
