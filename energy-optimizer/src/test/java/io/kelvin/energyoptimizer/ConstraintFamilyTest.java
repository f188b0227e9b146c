package io.kelvin.energyoptimizer;

import static io.kelvin.energyoptimizer.Tiny.flat;
import static io.kelvin.energyoptimizer.Tiny.job;
import static io.kelvin.energyoptimizer.Tiny.problem;
import static io.kelvin.energyoptimizer.Tiny.solveChecked;
import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.energyoptimizer.check.PlanChecker;
import io.kelvin.energyoptimizer.model.DrEvent;
import io.kelvin.energyoptimizer.model.ExpectedLoad;
import io.kelvin.energyoptimizer.model.Explanation;
import io.kelvin.energyoptimizer.model.Forecast;
import io.kelvin.energyoptimizer.model.Job;
import io.kelvin.energyoptimizer.model.JobSchedule.Outcome;
import io.kelvin.energyoptimizer.model.Plan;
import io.kelvin.energyoptimizer.model.Problem;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One tiny instance per constraint family, asserting the family's effect on the plan (CBC). */
class ConstraintFamilyTest {

    @Test
    void nonPreemptibleJobStartsOnceAndRunsContiguouslyInsideItsWindow() {
        // Price falls to 0.05 in slots 3-5: the 2-slot job must pick two consecutive cheap slots.
        Forecast f = flat(6).withPrice(3, 0.05).withPrice(4, 0.05).withPrice(5, 0.05);
        Plan plan = solveChecked(problem(6, f, List.of(), job("a", 2, 1, 6)));
        assertThat(plan.job("a").orElseThrow().runSlots()).containsAnyOf(3, 4).hasSize(2);
        assertThat(plan.job("a").orElseThrow().runSlots().get(0)).isBetween(3, 4);
    }

    @Test
    void gpuCapacityKeepsTwoFullClusterJobsApart() {
        // Each job needs all 8 GPUs, so they cannot share a slot.
        Plan plan = solveChecked(problem(4, flat(4), List.of(), job("a", 2, 0, 4), job("b", 2, 0, 4)));
        assertThat(plan.slots()).allSatisfy(s -> assertThat(s.busyGpus()).isLessThanOrEqualTo(8));
        assertThat(plan.count(Outcome.ON_TIME)).isEqualTo(2);
    }

    @Test
    void importLimitKeepsTwoHalfClusterJobsApart() {
        // 2 + 4 + 4 = 10 kW IT x 1.1 = 11 kW facility with both running; a 10 kW limit allows one at a time.
        Job a = Job.of("a", 4, 5, 2, 0, 4);
        Job b = Job.of("b", 4, 5, 2, 0, 4);
        Plan plan = solveChecked(problem(4, flat(4), List.of(), a, b).withSite(Tiny.SITE.withImportLimit(10)));
        assertThat(plan.peakImportKw()).isLessThanOrEqualTo(10.0 + 1e-6);
        assertThat(plan.job("a").orElseThrow().runSlots()).doesNotContainAnyElementsOf(plan.job("b").orElseThrow().runSlots());
    }

    @Test
    void demandResponseCapMovesLoadOutOfTheEventWindow() {
        // Slots 0-2 are cheapest, but a 5 kW import cap there only admits idle load (2 kW x 1.1).
        Forecast f = flat(6).withPrice(0, 0.05).withPrice(1, 0.05).withPrice(2, 0.05);
        Problem p = problem(6, f, List.of(new DrEvent("dr", 0, 3, 5, true)), job("a", 2, 0, 6));
        Plan plan = solveChecked(p);
        assertThat(plan.job("a").orElseThrow().runSlots()).allSatisfy(t -> assertThat(t).isGreaterThanOrEqualTo(3));
        assertThat(plan.info().drRelaxed()).isFalse();
    }

    @Test
    void hardDemandResponseCapWinsOverADeadlineAndTheMissIsReported() {
        // The job must run in slots 0-1 (deadline 2) but the hard 5 kW cap cannot carry its 11 kW.
        Problem p = problem(3, flat(3), List.of(new DrEvent("dr", 0, 2, 5, true)), job("a", 2, 0, 2));
        Plan plan = solveChecked(p);
        assertThat(plan.job("a").orElseThrow().outcome()).isEqualTo(Outcome.MISSED);
        assertThat(plan.info().drRelaxed()).isFalse();
    }

    @Test
    void infeasibleHardDemandResponseCapIsRelaxedAndReported() {
        // A running job (fixed) already draws 11 kW in slots 0-1: no plan meets the 5 kW cap, so it goes soft.
        Job running = job("a", 2, 0, 2).withPhase(Job.Phase.RUNNING);
        Problem p = problem(3, flat(3), List.of(new DrEvent("dr", 0, 2, 5, true)), running);
        Plan plan = solveChecked(p);
        assertThat(plan.info().drRelaxed()).isTrue();
        // Shortfall 11 - 5 = 6 kW for 2 slots of 0.25 h at 5 EUR/kWh = 15 EUR.
        assertThat(plan.costs().drPenaltyEur()).isCloseTo(15.0, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void impossibleDeadlineIsReportedAsMissed() {
        // 4 slots of work between release 0 and deadline 2, no lateness allowed.
        Plan plan = solveChecked(problem(6, flat(6), List.of(), job("a", 4, 0, 2), job("b", 1, 0, 6)));
        assertThat(plan.job("a").orElseThrow().outcome()).isEqualTo(Outcome.MISSED);
        assertThat(plan.job("a").orElseThrow().explanation().driver()).isEqualTo(Explanation.Driver.NO_ROOM);
        assertThat(plan.job("b").orElseThrow().outcome()).isEqualTo(Outcome.ON_TIME);
    }

    @Test
    void capacityConflictMakesOneJobLateWhenLatenessIsAllowed() {
        Problem p = problem(6, flat(6), List.of(), job("a", 2, 0, 2), job("b", 2, 0, 2));
        p = new Problem(p.horizon(), p.site(), p.cooling(), p.forecast(), p.drEvents(), p.jobs(), p.weights(), 4);
        Plan plan = solveChecked(p);
        assertThat(plan.count(Outcome.LATE)).isEqualTo(1);
        assertThat(plan.jobs()).filteredOn(j -> j.outcome() == Outcome.LATE).singleElement()
                .satisfies(j -> assertThat(j.lateSlots()).isEqualTo(2));
    }

    @Test
    void surplusPvAttractsFlexibleJobs() {
        // 20 kW PV in slots 3-4 covers the 11 kW facility load: the job's energy is free there.
        double[] pv = {0, 0, 0, 20, 20, 0};
        Plan plan = solveChecked(problem(6, flat(6).withPv(pv), List.of(), job("a", 2, 0, 6)));
        assertThat(plan.job("a").orElseThrow().runSlots()).containsExactly(3, 4);
        assertThat(plan.job("a").orElseThrow().explanation().savedKwh()).isGreaterThan(0);
        // Slot 3 of a horizon starting 2026-06-01 00:00Z, shown with its date and zone, and what the move saves.
        assertThat(plan.job("a").orElseThrow().explanation().text()).contains("to Mon 2026-06-01 00:45 Z: saves");
        Problem inBerlin = problem(6, flat(6).withPv(pv), List.of(), job("a", 2, 0, 6)).withZone(ZoneId.of("Europe/Berlin"));
        assertThat(solveChecked(inBerlin).job("a").orElseThrow().explanation().text())
                .contains("to Mon 2026-06-01 02:45 CEST");
    }

    @Test
    void preemptibleJobSplitsAroundAPricePeak() {
        // Slots 2-3 cost 1.00 EUR/kWh; with a free checkpoint the 4-slot job runs 0,1,4,5.
        Forecast f = flat(6).withPrice(2, 1.0).withPrice(3, 1.0);
        Plan plan = solveChecked(problem(6, f, List.of(), job("a", 4, 0, 6).asPreemptible(0)));
        assertThat(plan.job("a").orElseThrow().runSlots()).containsExactly(0, 1, 4, 5);
    }

    @Test
    void checkpointOverheadIsPaidOnResume() {
        // One checkpoint slot per resume: splitting costs 5 run slots, so the 4-slot job runs 0,1,(4,5,6).
        Forecast f = flat(7).withPrice(2, 1.0).withPrice(3, 1.0);
        Plan plan = solveChecked(problem(7, f, List.of(), job("a", 4, 0, 7).asPreemptible(1)));
        assertThat(plan.job("a").orElseThrow().runSlots()).containsExactly(0, 1, 4, 5, 6);
    }

    @Test
    void runningJobIsFixedAtTheHorizonStart() {
        // Slot 0 is expensive, but the job is already running.
        Job running = job("a", 2, 0, 6).withPhase(Job.Phase.RUNNING);
        Plan plan = solveChecked(problem(6, flat(6).withPrice(0, 5.0), List.of(), running));
        assertThat(plan.job("a").orElseThrow().runSlots()).containsExactly(0, 1);
        assertThat(plan.job("a").orElseThrow().outcome()).isEqualTo(Outcome.FIXED);
    }

    @Test
    void heatRecoveryCreditPullsLoadToWhereHeatIsWanted() {
        // Heat wanted only in slots 4-5; credit 0.02 EUR/kWh on 0.7 x IT.
        double[] heat = {0, 0, 0, 0, 100, 100};
        Plan plan = solveChecked(problem(6, flat(6).withHeatDemand(heat), List.of(), job("a", 2, 0, 6)));
        assertThat(plan.job("a").orElseThrow().runSlots()).containsExactly(4, 5);
        assertThat(plan.costs().heatCreditEur()).isGreaterThan(0);
    }

    @Test
    void expectedUrgentLoadKeepsFlexibleWorkOutOfTheCapacityItNeeds() {
        // Slots 0-1 are cheapest, but 4 of the 8 GPUs there are held for urgent jobs expected to arrive.
        Forecast f = flat(6).withPrice(0, 0.05).withPrice(1, 0.05);
        Problem free = problem(6, f, List.of(), job("a", 2, 0, 6));
        Problem held = free.withExpectedLoad(new ExpectedLoad(new int[] {4, 4, 0, 0, 0, 0}, new double[] {4, 4, 0, 0, 0, 0}));
        assertThat(solveChecked(free).job("a").orElseThrow().runSlots()).containsExactly(0, 1);
        Plan plan = solveChecked(held);
        assertThat(plan.job("a").orElseThrow().runSlots()).doesNotContain(0, 1).hasSize(2);
        assertThat(plan.slots().get(0).busyGpus()).isEqualTo(4);
    }

    @Test
    void theCheckerRejectsAPlanThatFillsCapacityHeldForExpectedLoad() {
        Forecast f = flat(6).withPrice(0, 0.05).withPrice(1, 0.05);
        Problem free = problem(6, f, List.of(), job("a", 2, 0, 6));
        Plan ignoring = solveChecked(free);
        Problem held = free.withExpectedLoad(new ExpectedLoad(new int[] {4, 4, 0, 0, 0, 0}, new double[] {4, 4, 0, 0, 0, 0}));
        assertThat(new PlanChecker().check(held, ignoring).violations()).anySatisfy(v -> assertThat(v).contains("GPUs busy"));
    }

    @Test
    void expectedLoadShrinksToTheRoomRunningJobsAndDemandResponseCapsLeave() {
        // A running job holds all 8 GPUs in slots 0-1; a hard 5 kW cap over slots 2-3 leaves 5 / 1.1 - 2 kW IT above idle.
        Job running = job("r", 2, 0, 2).withPhase(Job.Phase.RUNNING);
        Problem p = problem(6, flat(6), List.of(new DrEvent("dr", 2, 4, 5, true)), running)
                .withExpectedLoad(new ExpectedLoad(new int[] {4, 4, 4, 4, 4, 4}, new double[] {4, 4, 4, 4, 4, 4}));
        ExpectedLoad fitted = p.expectedLoad();
        assertThat(fitted.gpus(0)).isZero();
        assertThat(fitted.gpus(1)).isZero();
        assertThat(fitted.deltaKw(2)).isCloseTo(5 / 1.1 - 2, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(fitted.gpus(2)).isEqualTo(2);
        assertThat(fitted.gpus(4)).isEqualTo(4);
        assertThat(fitted.deltaKw(4)).isEqualTo(4);
    }

    @Test
    void expectedLoadGivesWayToSubmittedUrgentJobsAnywhereInTheirWindows() {
        // Two 8-GPU jobs with no slack both want slots 0-1 of an 8-GPU site; a third may run in slot 2 or 3
        // (1 slot of slack); a flexible one has 4 slots of slack and does not hold the expected load back.
        Problem p = problem(6, flat(6), List.of(), job("u1", 2, 0, 2), job("u2", 2, 0, 2), job("u3", 1, 2, 4),
                job("f", 2, 0, 6));
        ExpectedLoad fitted = new ExpectedLoad(new int[] {4, 4, 4, 4, 4, 4}, new double[] {4, 4, 4, 4, 4, 4})
                .fittedTo(p, 1);
        assertThat(new int[] {fitted.gpus(0), fitted.gpus(1), fitted.gpus(2), fitted.gpus(3), fitted.gpus(4)})
                .containsExactly(0, 0, 0, 0, 4);
        assertThat(new double[] {fitted.deltaKw(0), fitted.deltaKw(3), fitted.deltaKw(4)}).containsExactly(0, 0, 4);
    }

    @Test
    void aJobLongerThanTheHorizonStartsWhereItsPartInsideIsCheapestNotAsLateAsPossible() {
        // 4 slots at 0.10, 0.10, 0.30, 0.30 EUR/kWh (mean 0.20); a 6-slot job. Work past the end is charged at the
        // mean: starting at 0 costs 0.1 + 0.1 + 0.3 + 0.3 + 2 x 0.2 = 1.2 units, at 3 costs 0.3 + 5 x 0.2 = 1.3.
        // Were work past the end free, starting at 3 (0.3 units) would win and push the job out forever.
        Forecast f = flat(4).withPrice(0, 0.10).withPrice(1, 0.10).withPrice(2, 0.30).withPrice(3, 0.30);
        Plan plan = solveChecked(problem(4, f, List.of(), job("long", 6, 0, 20)));

        assertThat(plan.job("long").orElseThrow().runSlots()).containsExactly(0, 1, 2, 3);
        // IT above idle 8 kW x 1.1 facility x 0.25 h x 0.20 EUR/kWh x 2 slots past the end.
        assertThat(plan.costs().terminalEur()).isCloseTo(8 * 1.1 * 0.25 * 0.20 * 2, org.assertj.core.data.Offset.offset(1e-9));
    }
}
