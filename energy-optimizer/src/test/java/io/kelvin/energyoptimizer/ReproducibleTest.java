package io.kelvin.energyoptimizer;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.energyoptimizer.bench.BenchInstances;
import io.kelvin.energyoptimizer.model.JobRuns;
import io.kelvin.energyoptimizer.model.Plan;
import io.kelvin.energyoptimizer.model.Problem;
import io.kelvin.energyoptimizer.model.ProblemCodec;
import io.kelvin.energyoptimizer.ortools.OrToolsMilpSolver;
import io.kelvin.energyoptimizer.solve.OptimizingPlanner;
import io.kelvin.energyoptimizer.solve.SolverSettings;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ReproducibleTest {

    /** A work budget small enough to stop before the gap target, so the budget, not the gap, ends the solve. */
    private static final long WORK = 60_000;

    private static OptimizingPlanner planner() {
        SolverSettings s = new SolverSettings(SolverSettings.Backend.CBC, Duration.ofSeconds(120), 0.0001, 1);
        return new OptimizingPlanner(new OrToolsMilpSolver(), s.withWork(s.work().withJobSolves(WORK)));
    }

    @Test
    void theSameProblemAndWorkBudgetGiveTheSamePlanEveryTime() {
        Problem p = BenchInstances.instance(200, 9000, 7);
        Plan first = planner().plan(p, JobRuns.none());
        Plan second = planner().plan(p, JobRuns.none());

        assertThat(first.info().cutByWallClock()).isFalse();
        assertThat(first.info().reproducible()).isTrue();
        assertThat(first.info().workUsed()).isPositive().isLessThanOrEqualTo(WORK + 5_000);
        assertThat(JobRuns.of(second)).isEqualTo(JobRuns.of(first));
        assertThat(second.objectiveEur()).isEqualTo(first.objectiveEur());
        assertThat(second.info().bound()).isEqualTo(first.info().bound());
    }

    @Test
    void aProblemReadBackFromItsCanonicalFormHasTheSameHashAndGivesTheSamePlan() {
        Problem p = BenchInstances.instance(120, 9000, 11).withZone(ZoneId.of("Europe/Berlin"));
        String json = ProblemCodec.write(p);
        Problem back = ProblemCodec.read(json);

        assertThat(ProblemCodec.write(back)).isEqualTo(json);
        assertThat(ProblemCodec.sha256(back)).isEqualTo(ProblemCodec.sha256(p)).hasSize(64);
        assertThat(json).startsWith("{\"format\":\"kelvin-problem\",\"version\":1,");
        Plan original = planner().plan(p, JobRuns.none());
        Plan replayed = planner().plan(back, JobRuns.none());
        assertThat(JobRuns.of(replayed)).isEqualTo(JobRuns.of(original));
        assertThat(replayed.objectiveEur()).isEqualTo(original.objectiveEur());
        assertThat(replayed.jobs()).extracting(j -> j.explanation().text())
                .containsExactlyElementsOf(original.jobs().stream().map(j -> j.explanation().text()).toList());
    }

    @Test
    void anyChangeToTheInputsChangesTheHash() {
        Problem p = BenchInstances.instance(50, 9000, 3);
        Problem otherZone = p.withZone(ZoneId.of("Asia/Shanghai"));
        Problem fewerJobs = p.withJobs(p.jobs().subList(1, p.jobs().size()));

        assertThat(ProblemCodec.sha256(otherZone)).isNotEqualTo(ProblemCodec.sha256(p));
        assertThat(ProblemCodec.sha256(fewerJobs)).isNotEqualTo(ProblemCodec.sha256(p));
    }
}
