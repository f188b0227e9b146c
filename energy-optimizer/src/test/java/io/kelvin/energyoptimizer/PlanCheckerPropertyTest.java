package io.kelvin.energyoptimizer;

import io.kelvin.energyoptimizer.model.JobRuns;
import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.energyoptimizer.baseline.GreedyWindowPlanner;
import io.kelvin.energyoptimizer.baseline.RunImmediatelyPlanner;
import io.kelvin.energyoptimizer.check.CheckReport;
import io.kelvin.energyoptimizer.check.PlanChecker;
import io.kelvin.energyoptimizer.model.Plan;
import io.kelvin.energyoptimizer.model.Problem;
import io.kelvin.energyoptimizer.solve.Planner;
import io.kelvin.energyoptimizer.solve.SolverSettings.Backend;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random small instances (seeded): every plan of every planner passes the independent checker. */
class PlanCheckerPropertyTest {

    private final PlanChecker checker = new PlanChecker();

    @Test
    void everyPlanOfEveryPlannerPassesTheCheckerOnRandomSmallInstances() {
        Random random = new Random(20260601);
        List<Planner> planners = List.of(Tiny.optimizer(Backend.CBC), Tiny.optimizer(Backend.SCIP),
                Tiny.optimizer(Backend.CP_SAT), new RunImmediatelyPlanner(), new GreedyWindowPlanner());
        for (int instance = 0; instance < 12; instance++) {
            Problem p = RandomInstances.problem(random);
            for (Planner planner : planners) {
                Plan plan = planner.plan(p, JobRuns.none());
                CheckReport report = checker.check(p, plan);
                assertThat(report.violations()).as("instance %d, %s", instance, planner.name()).isEmpty();
                assertThat(plan.jobs()).hasSize(p.jobs().size());
            }
        }
    }

    @Test
    void optimizerIsNeverWorseThanAGreedyPlanThatKeepsTheSameHardCaps() {
        Random random = new Random(7);
        for (int instance = 0; instance < 16; instance++) {
            Problem p = RandomInstances.problem(random);
            Plan optimal = Tiny.optimizer(Backend.CBC).plan(p, JobRuns.none());
            Plan greedy = new GreedyWindowPlanner().plan(p, JobRuns.none());
            if (!greedy.info().drRelaxed() || optimal.info().drRelaxed()) {
                assertThat(optimal.objectiveEur()).as("instance %d", instance)
                        .isLessThanOrEqualTo(greedy.objectiveEur() + 1e-6);
            }
        }
    }

    @Test
    void checkerRejectsAPlanThatOverbooksGpus() {
        // Two 8-GPU jobs forced into the same slot on an 8-GPU site.
        Problem p = Tiny.problem(2, Tiny.flat(2), List.of(), Tiny.job("a", 1, 0, 2), Tiny.job("b", 1, 0, 2));
        Plan honest = new GreedyWindowPlanner().plan(p, JobRuns.none());
        Plan forged = io.kelvin.energyoptimizer.model.PlanAssembler.assemble(p,
                JobRuns.of(Map.of("a", List.of(0), "b", List.of(0))), honest.info());
        assertThat(checker.check(p, forged).violations()).anyMatch(v -> v.contains("16 GPUs busy > 8"));
    }
}
