package io.kelvin.energyoptimizer;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.energyoptimizer.baseline.GreedyWindowPlanner;
import io.kelvin.energyoptimizer.baseline.RunImmediatelyPlanner;
import io.kelvin.energyoptimizer.check.CheckReport;
import io.kelvin.energyoptimizer.check.PlanChecker;
import io.kelvin.energyoptimizer.model.DrEvent;
import io.kelvin.energyoptimizer.model.Forecast;
import io.kelvin.energyoptimizer.model.Job;
import io.kelvin.energyoptimizer.model.Plan;
import io.kelvin.energyoptimizer.model.Problem;
import io.kelvin.energyoptimizer.solve.Planner;
import io.kelvin.energyoptimizer.solve.SolverSettings.Backend;
import java.util.ArrayList;
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
            Problem p = randomProblem(random);
            for (Planner planner : planners) {
                Plan plan = planner.plan(p, Map.of());
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
            Problem p = randomProblem(random);
            Plan optimal = Tiny.optimizer(Backend.CBC).plan(p, Map.of());
            Plan greedy = new GreedyWindowPlanner().plan(p, Map.of());
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
        Plan honest = new GreedyWindowPlanner().plan(p, Map.of());
        Plan forged = io.kelvin.energyoptimizer.model.PlanAssembler.assemble(p,
                Map.of("a", List.of(0), "b", List.of(0)), honest.info());
        assertThat(checker.check(p, forged).violations()).anyMatch(v -> v.contains("16 GPUs busy > 8"));
    }

    private static Problem randomProblem(Random r) {
        int slots = 4 + r.nextInt(5);
        double[] price = new double[slots];
        double[] pv = new double[slots];
        for (int t = 0; t < slots; t++) {
            price[t] = 0.05 + 0.3 * r.nextDouble();
            pv[t] = r.nextDouble() < 0.3 ? 15 * r.nextDouble() : 0;
        }
        Forecast f = new Forecast(pv, new double[slots], price, Tiny.flat(slots).carbonGPerKwh(),
                Tiny.flat(slots).ambientC(), new double[slots]);
        List<Job> jobs = new ArrayList<>();
        for (int i = 0, n = 2 + r.nextInt(2); i < n; i++) {
            int duration = 1 + r.nextInt(3);
            int release = r.nextInt(slots - 1);
            Job job = Job.of("j" + i, 2 + 2 * r.nextInt(4), 2 + 8 * r.nextDouble(), duration, release,
                    release + duration + r.nextInt(3));
            job = r.nextBoolean() ? job.asPreemptible(r.nextInt(2)) : job;
            jobs.add(i == 0 && r.nextInt(4) == 0 ? job.withPhase(Job.Phase.RUNNING) : job);
        }
        List<DrEvent> dr = r.nextBoolean() ? List.of(new DrEvent("dr", 1, 3, 6 + 6 * r.nextDouble(), r.nextBoolean()))
                : List.of();
        Problem p = new Problem(io.kelvin.energyoptimizer.model.Horizon.quarterHours(Tiny.T0, slots),
                Tiny.SITE.withImportLimit(12 + 8 * r.nextDouble()), Tiny.FLAT_10_PERCENT, f, dr, jobs,
                io.kelvin.energyoptimizer.model.Weights.defaults(), r.nextInt(3));
        return p;
    }
}
