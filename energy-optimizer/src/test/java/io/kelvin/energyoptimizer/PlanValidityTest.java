package io.kelvin.energyoptimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kelvin.energyoptimizer.baseline.GreedyWindowPlanner;
import io.kelvin.energyoptimizer.baseline.RunImmediatelyPlanner;
import io.kelvin.energyoptimizer.check.PlanChecker;
import io.kelvin.energyoptimizer.milp.LinearModel;
import io.kelvin.energyoptimizer.model.Horizon;
import io.kelvin.energyoptimizer.model.Job;
import io.kelvin.energyoptimizer.model.JobRuns;
import io.kelvin.energyoptimizer.model.JobSchedule;
import io.kelvin.energyoptimizer.model.Plan;
import io.kelvin.energyoptimizer.model.Problem;
import io.kelvin.energyoptimizer.model.ProblemCodec;
import io.kelvin.energyoptimizer.model.Weights;
import io.kelvin.energyoptimizer.solve.MilpResult;
import io.kelvin.energyoptimizer.solve.MilpSolver;
import io.kelvin.energyoptimizer.solve.OptimizingPlanner;
import io.kelvin.energyoptimizer.solve.PlanBelowBoundException;
import io.kelvin.energyoptimizer.solve.Planner;
import io.kelvin.energyoptimizer.solve.SolverSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanValidityTest {

    /**
     * The repro: a paused preemptible job with 3 slots of work left pays a 1-slot checkpoint to
     * resume, so it needs 4 run slots inside [0, 5) with no lateness; a running job holds every GPU in
     * slots 0-1, which leaves 3. No valid plan runs it on time, so each planner must miss it rather than
     * run it in [2, 6), one slot past the window.
     */
    private static Problem pausedJobThatCannotFit() {
        Job holder = new Job("holder", 8, 10, 2, 0, 2, 1, false, 0, Job.Phase.RUNNING);
        Job paused = new Job("paused", 8, 10, 3, 0, 5, 1, true, 1, Job.Phase.PAUSED);
        return new Problem(Horizon.quarterHours(Tiny.T0, 8), Tiny.SITE, Tiny.FLAT_10_PERCENT, Tiny.flat(8), List.of(),
                List.of(holder, paused), Weights.defaults().withCarbonPrice(0), 0);
    }

    @Test
    void aPausedJobWhoseResumeCannotFitItsWindowIsMissedByEveryPlannerNotRunPastIt() {
        Problem p = pausedJobThatCannotFit();
        List<Planner> planners = List.of(new RunImmediatelyPlanner(), new GreedyWindowPlanner(),
                Tiny.optimizer(SolverSettings.Backend.CBC), Tiny.optimizer(SolverSettings.Backend.SCIP));
        for (Planner planner : planners) {
            Plan plan = planner.plan(p, JobRuns.none());
            assertThat(new PlanChecker().check(p, plan).violations()).as(planner.name()).isEmpty();
            JobSchedule s = plan.job("paused").orElseThrow();
            assertThat(s.outcome()).as(planner.name()).isEqualTo(JobSchedule.Outcome.MISSED);
            assertThat(s.explanation().text()).as(planner.name()).contains("not scheduled");
            if (Double.isFinite(plan.info().bound())) {
                assertThat(plan.objectiveEur()).as(planner.name()).isGreaterThanOrEqualTo(plan.info().bound() - 1e-6);
            }
        }
    }

    @Test
    void aPlanBelowAProvenBoundStopsAsABugNamingTheInputsHash() {
        // Two 5-GPU jobs want the one cheap slot of an 8-GPU site: the Lagrangian bound lets each take 80 % of
        // it, so the decomposition cannot close the gap and the MILP stage runs. A backend that claims a bound
        // far above any plan (1e9 EUR) makes the kept plan "below the bound": that must stop, not be returned.
        Job a = Job.of("a", 5, 6.25, 1, 0, 3);
        Job b = Job.of("b", 5, 6.25, 1, 0, 3);
        Problem p = new Problem(Horizon.quarterHours(Tiny.T0, 3), Tiny.SITE, Tiny.FLAT_10_PERCENT,
                Tiny.flat(3).withPrice(1, 0.01), List.of(), List.of(a, b), Weights.defaults().withCarbonPrice(0), 0);
        MilpSolver lying = (LinearModel model, SolverSettings s, double[] hint) ->
                new MilpResult(MilpResult.Status.NO_SOLUTION, new double[0], Double.NaN, 1e9, 0, false);
        OptimizingPlanner planner = new OptimizingPlanner(lying,
                new SolverSettings(SolverSettings.Backend.SCIP, Duration.ofSeconds(5), 0.0, 1));

        assertThatThrownBy(() -> planner.plan(p, JobRuns.none()))
                .isInstanceOf(PlanBelowBoundException.class)
                .hasMessageContaining("below the proven lower bound")
                .hasMessageContaining(ProblemCodec.sha256(p));
    }

    @Test
    void jobsThatCannotBePlannedAreMissedWithAReasonWhileTheOthersArePlanned() {
        // 100 GPUs on an 8-GPU site; a preemptible job asking for a million slots of work by the horizon's end; and
        // an ordinary job.
        Job tooWide = Job.of("too-wide", 100, 125, 2, 0, 8);
        Job tooLong = Job.of("too-long", 8, 10, 1_000_000, 0, 8).asPreemptible(1);
        Job ordinary = Tiny.job("ordinary", 2, 0, 8);
        Problem p = Tiny.problem(8, Tiny.flat(8), List.of(), tooWide, tooLong, ordinary);

        Plan plan = Tiny.checked(p, Tiny.optimizer(SolverSettings.Backend.SCIP).plan(p, JobRuns.none()));

        assertThat(plan.job("ordinary").orElseThrow().outcome()).isEqualTo(JobSchedule.Outcome.ON_TIME);
        assertThat(plan.job("too-wide").orElseThrow().outcome()).isEqualTo(JobSchedule.Outcome.MISSED);
        assertThat(plan.job("too-wide").orElseThrow().explanation().text()).contains("needs 100 GPUs, the site has 8");
        assertThat(plan.job("too-long").orElseThrow().outcome()).isEqualTo(JobSchedule.Outcome.MISSED);
        assertThat(plan.job("too-long").orElseThrow().explanation().text()).contains("not scheduled");
    }

    @Test
    void aJobWithAMillionSlotsOfWorkDueLongAfterTheHorizonRunsItsDueWorkAndLeavesTheRestPastTheEnd() {
        // Due 1,000,010 slots from now with 1,000,000 slots of work: one slot of it cannot wait past the 8-slot horizon.
        Job far = Job.of("far", 8, 10, 1_000_000, 0, 1_000_010).asPreemptible(1);
        Problem p = Tiny.problem(8, Tiny.flat(8), List.of(), far);

        JobSchedule s = Tiny.checked(p, Tiny.optimizer(SolverSettings.Backend.SCIP).plan(p, JobRuns.none()))
                .job("far").orElseThrow();

        assertThat(s.outcome()).isEqualTo(JobSchedule.Outcome.ON_TIME);
        assertThat(s.runSlots()).isNotEmpty();
        assertThat(s.endSlot()).isGreaterThan(8).isLessThanOrEqualTo(1_000_010);
    }
}
