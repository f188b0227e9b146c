package io.kelvin.energyoptimizer;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.energyoptimizer.baseline.GreedyWindowPlanner;
import io.kelvin.energyoptimizer.bench.BenchInstances;
import io.kelvin.energyoptimizer.check.CheckReport;
import io.kelvin.energyoptimizer.check.PlanChecker;
import io.kelvin.energyoptimizer.decompose.DecompositionSolver;
import io.kelvin.energyoptimizer.milp.ScheduleModel;
import io.kelvin.energyoptimizer.model.DrEvent;
import io.kelvin.energyoptimizer.model.Job;
import io.kelvin.energyoptimizer.model.JobRuns;
import io.kelvin.energyoptimizer.model.JobSchedule;
import io.kelvin.energyoptimizer.model.Plan;
import io.kelvin.energyoptimizer.model.PlanAssembler;
import io.kelvin.energyoptimizer.model.Problem;
import io.kelvin.energyoptimizer.model.SolveInfo;
import io.kelvin.energyoptimizer.solve.MilpResult;
import io.kelvin.energyoptimizer.solve.SolverSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The decomposition against the MILP it decomposes: its bound never passes the MILP's proven optimum,
 * its plans never beat it, its own costing agrees with the plan's, and every plan passes the checker.
 */
class DecompositionSolverTest {

    /** Job sub-problems each solve may use: far more than these instances need to stop at their gap. */
    private static final long WORK = 3_000_000;
    private final PlanChecker checker = new PlanChecker();

    @Test
    void boundStaysBelowAndPlanStaysAboveTheMilpOptimumOnRandomInstances() {
        Random random = new Random(424242);
        int compared = 0;
        for (int instance = 0; instance < 40; instance++) {
            compared += comparedWithTheMilpOptimum(RandomInstances.problem(random), instance).isPresent() ? 1 : 0;
        }
        assertThat(compared).isGreaterThan(25);
    }

    /**
     * The same property where every pausable job not yet running is due after the horizon's end, with up to twice the
     * horizon's slots of work: such a job may leave work past the end (all but its due work), charged at the terminal
     * rate, and the decomposition's job programme, the MILP and the checker must agree on what that costs.
     */
    @Test
    void boundAndPlanAgreeWithTheMilpWhenPausableJobsMayLeaveWorkPastTheHorizonsEnd() {
        Random random = new Random(777);
        int compared = 0;
        int leftWork = 0;
        for (int instance = 0; instance < 40; instance++) {
            Problem base = RandomInstances.problem(random);
            int n = base.slots();
            Problem p = base.withJobs(base.jobs().stream().map(j -> !j.preemptible() || j.phase() != Job.Phase.PENDING ? j
                    : new Job(j.id(), j.gpus(), j.powerKw(), 1 + random.nextInt(2 * n), j.releaseSlot(),
                            n + 1 + random.nextInt(n), j.priority(), true, j.checkpointSlots(), j.phase())).toList());
            Optional<Plan> plan = comparedWithTheMilpOptimum(p, instance);
            compared += plan.isPresent() ? 1 : 0;
            leftWork += plan.map(x -> x.jobs().stream()
                    .filter(s -> s.endSlot() > n && s.outcome() == JobSchedule.Outcome.ON_TIME).count()).orElse(0L);
        }
        assertThat(compared).isGreaterThan(25);
        assertThat(leftWork).as("plans that leave work past the end").isGreaterThan(5);
    }

    /**
     * The decomposition's plan of {@code p}, checked: its bound no higher and its objective no lower than SCIP's proven
     * optimum, and its own costing equal to the plan's and the checker's. Empty where SCIP proves no optimum (the
     * running job's load alone breaks a hard cap: the planner makes such caps soft first).
     */
    private Optional<Plan> comparedWithTheMilpOptimum(Problem p, int instance) {
        MilpResult optimum = Tiny.SOLVER.solve(ScheduleModel.build(p, true).model(),
                new SolverSettings(SolverSettings.Backend.SCIP, Duration.ofSeconds(10), 0.0, 1), new double[0]);
        if (optimum.status() != MilpResult.Status.OPTIMAL) {
            return Optional.empty();
        }
        DecompositionSolver.Result r = new DecompositionSolver(p, true).solve(List.of(), WORK, Duration.ofSeconds(60), 0.0);
        Plan plan = checked(p, r);
        assertThat(r.boundEur()).as("instance %d bound", instance).isLessThanOrEqualTo(optimum.objective() + 1e-4);
        assertThat(r.objectiveEur()).as("instance %d objective", instance).isGreaterThanOrEqualTo(optimum.objective() - 1e-4);
        assertThat(plan.objectiveEur()).as("instance %d plan costing", instance).isCloseTo(r.objectiveEur(),
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(checker.check(p, plan).recomputedObjectiveEur()).as("instance %d checker", instance)
                .isCloseTo(plan.objectiveEur(), org.assertj.core.data.Offset.offset(1e-6));
        return Optional.of(plan);
    }

    @Test
    void aCrowdedDayGetsEveryJobPlacedWhereTheGreedyPlanMissesMany() {
        Problem p = BenchInstances.instance(200, 9000, 3);
        Plan greedy = new GreedyWindowPlanner().plan(p, JobRuns.none());
        DecompositionSolver.Result r = new DecompositionSolver(p, true).solve(List.of(JobRuns.of(greedy)), WORK, Duration.ofSeconds(60), 0.01);
        Plan plan = checked(p, r);
        assertThat(greedy.count(JobSchedule.Outcome.MISSED)).isGreaterThan(5);
        assertThat(plan.count(JobSchedule.Outcome.MISSED)).isZero();
        assertThat(r.objectiveEur()).isLessThan(greedy.objectiveEur());
        assertThat(r.boundEur()).isLessThanOrEqualTo(r.objectiveEur());
    }

    @Test
    void aHardDemandResponseCapAddedToAPlannedDayIsKeptInEverySlotOfTheEvent() {
        Problem day = BenchInstances.instance(200, 12000, 5);
        DecompositionSolver.Result first = new DecompositionSolver(day, true).solve(List.of(), WORK, Duration.ofSeconds(60), 0.01);
        Plan before = checked(day, first);
        double peak = before.slots().subList(72, 80).stream().mapToDouble(s -> s.importKw()).max().orElseThrow();
        // The cap takes 30 % off what the jobs add to the evening peak; below the idle site's import no plan could keep it.
        Plan idle = PlanAssembler.assemble(day, JobRuns.none(), SolveInfo.heuristic("none", 0));
        double idlePeak = idle.slots().subList(72, 80).stream().mapToDouble(s -> s.importKw()).max().orElseThrow();
        double cap = idlePeak + 0.7 * (peak - idlePeak);
        Problem withDr = day.withDrEvents(List.of(new DrEvent("evening", 72, 80, cap, true)));
        DecompositionSolver.Result after = new DecompositionSolver(withDr, true)
                .solve(List.of(first.runSlots()), WORK, Duration.ofSeconds(60), 0.01);
        Plan plan = checked(withDr, after);
        assertThat(plan.slots().subList(72, 80)).allSatisfy(s -> assertThat(s.importKw()).isLessThanOrEqualTo(cap + 1e-3));
        Plan greedy = new GreedyWindowPlanner().plan(withDr, JobRuns.none());
        assertThat(plan.count(JobSchedule.Outcome.MISSED)).isLessThanOrEqualTo(greedy.count(JobSchedule.Outcome.MISSED));
        assertThat(plan.objectiveEur()).isLessThan(greedy.objectiveEur());
    }

    private Plan checked(Problem p, DecompositionSolver.Result r) {
        Plan plan = PlanAssembler.assemble(p, r.runSlots(), SolveInfo.heuristic("decomposition", r.millis()));
        CheckReport report = checker.check(p, plan);
        assertThat(report.violations()).isEmpty();
        return plan;
    }
}
