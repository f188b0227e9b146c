package io.kelvin.energyoptimizer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A small run of the DR benchmark (three events on the twin, simulated clock) keeps its figures honest. */
class DrBenchGuardTest {

    @Test
    void everyDrCapTheCheckDoesNotProveInfeasibleIsMetOnTheTwinsMeterWithinAMinute() {
        DrBench.Options options = new DrBench.Options(3, 1, Path.of("../site-configs/sites/demo-aidc.yaml"), 0.0,
                Duration.ofSeconds(5), true);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        List<DrBench.EventResult> results = DrBench.run(options, new PrintStream(printed, true, StandardCharsets.UTF_8));
        DrBench.Summary summary = DrBench.summary(results);

        assertThat(printed.toString(StandardCharsets.UTF_8).lines()).hasSize(3);
        assertThat(results).as("an event the over-subscription check proves infeasible").anyMatch(DrBench.EventResult::proven);
        assertThat(results).as("an event that is judged").anyMatch(r -> !r.proven());
        assertThat(results).filteredOn(r -> !r.proven()).allSatisfy(r -> {
            assertThat(r.timeToCapSeconds()).as("event %d: time to cap", r.index()).isLessThanOrEqualTo(60.0);
            assertThat(r.kwhAboveCap()).as("event %d: only the first seconds' ramp is above the cap", r.index())
                    .isLessThan(r.capKw() / 3600.0 * 60);
        });
        assertThat(summary.compliancePercent()).isEqualTo(100.0);
        assertThat(summary.line()).startsWith("dr: 3 events, compliance 100 %, re-plan p50 ");
    }

    @Test
    void aDrCapIsMetOnTheMeterWhileTheWindTurbinesSwingInsideTheSlot() {
        // Event 7 of the 12 of seed 1 (the bench row in BENCHMARKS.md): 23:15 UTC, wind only, 5 min lead, 45 min.
        DrBench.Options options = new DrBench.Options(12, 1, Path.of("../site-configs/sites/demo-aidc.yaml"), 0.0,
                Duration.ofSeconds(5), false, 7);

        List<DrBench.EventResult> results = DrBench.run(options, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.proven()).as("judged").isFalse();
            assertThat(r.timeToCapSeconds()).as("time to cap").isLessThanOrEqualTo(60.0);
            assertThat(r.secondsBeyondReach()).isZero();
        });
    }
}
