package io.kelvin.energyoptimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kelvin.energyoptimizer.baseline.GreedyWindowPlanner;
import io.kelvin.energyoptimizer.baseline.RunImmediatelyPlanner;
import io.kelvin.energyoptimizer.check.ObjectiveTerms;
import io.kelvin.energyoptimizer.check.PlanChecker;
import io.kelvin.energyoptimizer.model.DrEvent;
import io.kelvin.energyoptimizer.model.Explanation;
import io.kelvin.energyoptimizer.model.Forecast;
import io.kelvin.energyoptimizer.model.Job;
import io.kelvin.energyoptimizer.model.JobRuns;
import io.kelvin.energyoptimizer.model.JobSchedule;
import io.kelvin.energyoptimizer.model.Plan;
import io.kelvin.energyoptimizer.model.Problem;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every move states its benefit against starting the job at its release, from the problem's forecasts with the
 * unscheduled IT load, in the site's zone with the date. Tiny's cluster: the 8-GPU job adds 8 kW of IT, 8.8 kW
 * of facility power (flat 10 % cooling), 2.2 kWh per quarter hour.
 */
class ExplanationBenefitTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aJobMovedOutOfTheHourWhereTheUnscheduledLoadUsesUpThePvStatesWhatItSavesWorkedByHand() {
        // PV 110 kW all along; 100 kW of unscheduled IT load in the first hour only. At its release (slots 0-1)
        // the site imports (2 + 100 + 8) x 1.1 - 110 = 11 kW, 8.8 kW more than without the job; in slots 4-5 it
        // exports, and the job only lowers the export by 8.8 kW. Saving: 2 x 8.8 kW x 0.25 h = 4.4 kWh of import,
        // 4.4 x 0.20 EUR - 4.4 x 0.03 EUR of feed-in = 0.748 EUR, 4.4 kWh x 300 g = 1.32 kg CO2.
        Forecast f = Forecast.flat(8, 110, 0.20, 300, 20).withUnscheduledItKw(new double[] {100, 100, 100, 100, 0, 0, 0, 0});
        Problem p = Tiny.problem(8, f, List.of(), Tiny.job("a", 2, 0, 8)).withZone(BERLIN);

        JobSchedule a = Tiny.checked(p, new GreedyWindowPlanner().plan(p, JobRuns.none())).job("a").orElseThrow();

        assertThat(a.runSlots()).containsExactly(4, 5);
        Explanation e = a.explanation();
        assertThat(e.savedKwh()).isCloseTo(4.4, within(1e-9));
        assertThat(e.savedEur()).isCloseTo(0.748, within(1e-9));
        assertThat(e.savedKgCo2()).isCloseTo(1.32, within(1e-9));
        assertThat(e.driver()).isEqualTo(Explanation.Driver.COST_AND_CARBON);
        assertThat(e.text()).isEqualTo("deferred 1.00 h to Mon 2026-06-01 03:00 CEST: saves 4.4 kWh of grid import,"
                + " 0.75 EUR and 1.3 kg CO2 against starting at its release Mon 2026-06-01 02:00 CEST");

        // Without the unscheduled load the PV covers the job at its release: nothing to move it for.
        Problem without = Tiny.problem(8, Forecast.flat(8, 110, 0.20, 300, 20), List.of(), Tiny.job("a", 2, 0, 8));
        assertThat(new GreedyWindowPlanner().plan(without, JobRuns.none()).job("a").orElseThrow().firstSlot()).isZero();
    }

    @Test
    void savingsARoundingRemainderFromZeroAreZeroNotATinyNegative() {
        Explanation e = new Explanation("moved", -3.410605131648481e-13, 38.86, 2e-12, Explanation.Driver.COST_AND_CARBON);

        assertThat(e.savedKwh()).isZero();
        assertThat(e.savedEur()).isEqualTo(38.86);
        assertThat(e.savedKgCo2()).isZero();
    }

    @Test
    void aJobMovedForADrCapStatesWhatTheMoveCostsAsANegativeSavingAndWhatItServes() {
        // No PV. A hard 5 kW cap over slots 0-1, where the idle cluster alone imports 2.2 kW: the job (8.8 kW more)
        // must wait for slot 2. Energy is 0.10 EUR/kWh at release and 0.30 after: 4.4 kWh x 0.20 EUR = 0.88 EUR more.
        Forecast f = new Forecast(new double[8], new double[8], new double[] {0.10, 0.10, 0.30, 0.30, 0.40, 0.40, 0.40, 0.40},
                new double[] {300, 300, 300, 300, 300, 300, 300, 300}, new double[] {20, 20, 20, 20, 20, 20, 20, 20},
                new double[8]);
        Problem p = Tiny.problem(8, f, List.of(new DrEvent("evening", 0, 2, 5, true)), Tiny.job("a", 2, 0, 8))
                .withZone(BERLIN);

        Plan plan = Tiny.solveChecked(p);

        JobSchedule a = plan.job("a").orElseThrow();
        assertThat(a.runSlots()).containsExactly(2, 3);
        Explanation e = a.explanation();
        assertThat(e.savedKwh()).isZero();
        assertThat(e.savedEur()).isCloseTo(-0.88, within(1e-9));
        assertThat(e.savedKgCo2()).isZero();
        assertThat(e.driver()).isEqualTo(Explanation.Driver.DR_CAP);
        assertThat(e.text()).isEqualTo("deferred 0.50 h to Mon 2026-06-01 02:30 CEST: costs 0.0 kWh of grid import,"
                + " 0.88 EUR and 0.0 kg CO2 more (a negative saving) against starting at its release"
                + " Mon 2026-06-01 02:00 CEST; the move serves a DR cap of 5 kW at its release");
    }

    @Test
    void aLongPausableJobDeferredPastTheHorizonsEndStatesTheObjectivesSavingAndTheWorkItMovesPastTheEnd() {
        // 96 quarter hours, no PV: 0.40 EUR/kWh in the first 2 h, 0.60 in the last 2 h, 0.20 between; the mean
        // is 0.25, so a slot of the job's work past the horizon's end is charged 2.2 kWh x 0.25 = 0.55 EUR. The
        // job has 30 h of work (120 slots) due in 48 h: fitted to the horizon as one run that spills past its end.
        // Starting it 2 h later moves 8 slots of work out of the 0.40 slots (0.88 EUR each) past the end
        // (0.55 EUR each): 8 x 0.33 = 2.64 EUR saved, 8 x 2.2 = 17.6 kWh less import inside the horizon.
        Forecast f = dearEnds();
        Job pausable = Job.of("long", 8, 10, 120, 0, 192).asPreemptible(1);
        Problem p = Tiny.problem(96, f, List.of(), pausable.fittedTo(96)).withZone(BERLIN);

        Plan plan = Tiny.solveChecked(p);

        JobSchedule s = plan.job("long").orElseThrow();
        assertThat(s.runSlots()).first().isEqualTo(8);
        assertThat(s.endSlot()).isEqualTo(128);
        assertThat(s.outcome()).isEqualTo(JobSchedule.Outcome.ON_TIME);
        Plan immediate = Tiny.checked(p, new RunImmediatelyPlanner().plan(p, JobRuns.none()));
        assertThat(immediate.job("long").orElseThrow().endSlot()).isEqualTo(120);
        ObjectiveTerms planned = new PlanChecker().check(p, plan).terms();
        ObjectiveTerms atRelease = new PlanChecker().check(p, immediate).terms();
        double objectiveSaving = atRelease.totalEur() - planned.totalEur();
        assertThat(objectiveSaving).isCloseTo(2.64, within(1e-9));
        Explanation e = s.explanation();
        assertThat(e.savedEur()).isCloseTo(objectiveSaving, within(1e-9));
        assertThat(e.savedKwh()).isCloseTo(17.6, within(1e-9));
        assertThat(e.driver()).isEqualTo(Explanation.Driver.COST_AND_CARBON);
        assertThat(e.text()).isEqualTo("deferred 2.00 h to Mon 2026-06-01 04:00 CEST: saves 2.64 EUR, with 17.6 kWh"
                + " less grid import and 5.3 kg less CO2 inside the horizon against running all its work from its release"
                + " Mon 2026-06-01 02:00 CEST; moves 2.00 h of its work past the horizon's end (Tue 2026-06-02 02:00 CEST),"
                + " 4.40 EUR at the terminal rate, counted in the EUR");
    }

    @Test
    void theGreedyFallbackPricesWorkPastTheHorizonsEndSoItDefersASpillingJobOnlyWhereThatSaves() {
        // The prices of the first test: greedy-window used to count only the slots inside the horizon, so starting
        // later always looked cheaper and it started the job as late as its deadline allows (slot 72), 4.40 EUR
        // worse than at its release by the objective. With the terminal charge its cheapest start is slot 8.
        Forecast f = dearEnds();
        Problem p = Tiny.problem(96, f, List.of(), Job.of("long", 8, 10, 120, 0, 192).asPreemptible(1).fittedTo(96));

        Plan greedy = Tiny.checked(p, new GreedyWindowPlanner().plan(p, JobRuns.none()));

        JobSchedule s = greedy.job("long").orElseThrow();
        assertThat(s.firstSlot()).isEqualTo(8);
        assertThat(s.explanation().savedEur()).isCloseTo(2.64, within(1e-9));
        assertThat(s.explanation().driver()).isEqualTo(Explanation.Driver.COST_AND_CARBON);
    }

    @Test
    void aLoneJobDeferredWhereItCostsTheSameIsSaidToCostTheSameNotToServeOtherJobs() {
        // Flat prices: every slot inside the horizon and past its end costs the same, so a lone job that spills
        // past the end costs the same wherever it starts. Placed 1.25 h late by hand, nothing serves other jobs.
        Job pausable = Job.of("long", 8, 10, 120, 0, 192).asPreemptible(1);
        Problem p = Tiny.problem(96, Tiny.flat(96), List.of(), pausable.fittedTo(96)).withZone(BERLIN);

        Plan plan = Tiny.checked(p, io.kelvin.energyoptimizer.model.PlanAssembler.assemble(p,
                JobRuns.of(java.util.Map.of("long", java.util.stream.IntStream.range(5, 96).boxed().toList())),
                new RunImmediatelyPlanner().plan(p, JobRuns.none()).info()));

        Explanation e = plan.job("long").orElseThrow().explanation();
        assertThat(e.savedEur()).isCloseTo(0, within(1e-9));
        assertThat(e.driver()).isEqualTo(Explanation.Driver.EQUAL_COST);
        assertThat(e.text()).doesNotContain("other jobs").endsWith("both placements cost the same");
    }

    @Test
    void aJobDueAfterTheHorizonRunsItsDueWorkAndMoreWhereTheHorizonIsCheaperThanTheTerminalRateOrSaysWhyItFoundNoRoom() {
        // 10 slots of pausable work due in slot 14 of an 8-slot horizon: 4 slots cannot wait past its end. The first
        // six slots cost 0.10 EUR/kWh, the last two 0.60: the terminal rate (the horizon's mean, 0.225) is dearer
        // than the first six and cheaper than the last two, so it runs six slots and leaves four past the end.
        Job whole = Job.of("long", 8, 10, 10, 0, 14).asPreemptible(1);
        assertThat(whole.dueWorkIn(8)).isEqualTo(whole);
        assertThat(io.kelvin.energyoptimizer.model.Schedules.minWorkIn(whole, 8)).isEqualTo(4);
        Forecast f = Tiny.flat(8);
        for (int t = 0; t < 8; t++) {
            f = f.withPrice(t, t < 6 ? 0.10 : 0.60);
        }
        Problem p = Tiny.problem(8, f, List.of(), whole).withZone(BERLIN);

        JobSchedule planned = Tiny.solveChecked(p).job("long").orElseThrow();

        assertThat(planned.runSlots()).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(planned.endSlot()).as("the other 4 slots from the horizon's end").isEqualTo(12);
        assertThat(planned.outcome()).isEqualTo(JobSchedule.Outcome.ON_TIME);
        assertThat(planned.explanation().text()).endsWith("this plan holds 1.50 h of its 2.50 h of work, the rest runs"
                + " after the horizon's end to end by its deadline Mon 2026-06-01 05:30 CEST");

        // A job that may not pause holds every GPU over the horizon: no room for the due work.
        Job busy = new Job("busy", 8, 10, 8, 0, 8, 1, false, 0, Job.Phase.RUNNING);
        Problem full = Tiny.problem(8, Tiny.flat(8), List.of(), busy, whole).withZone(BERLIN);
        JobSchedule missed = Tiny.solveChecked(full).job("long").orElseThrow();
        assertThat(missed.outcome()).isEqualTo(JobSchedule.Outcome.MISSED);
        assertThat(missed.explanation().text()).isEqualTo("not scheduled: no room for the 4 slots of its 10 slots of"
                + " work that cannot wait past the horizon's end (its deadline Mon 2026-06-01 05:30 CEST) between"
                + " Mon 2026-06-01 02:00 CEST and Mon 2026-06-01 04:00 CEST within the GPUs, the import limit and the"
                + " DR caps left by other jobs");
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    /** 96 quarter hours, no PV: 0.40 EUR/kWh in the first 2 h, 0.60 in the last 2 h, 0.20 between. */
    private static Forecast dearEnds() {
        double[] price = new double[96];
        Arrays.fill(price, 0.20);
        Arrays.fill(price, 0, 8, 0.40);
        Arrays.fill(price, 88, 96, 0.60);
        return new Forecast(new double[96], new double[96], price, filled(96, 300), filled(96, 20), new double[96]);
    }
}
