package io.kelvin.energyoptimizer;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.energyoptimizer.check.PlanChecker;
import io.kelvin.energyoptimizer.model.DrEvent;
import io.kelvin.energyoptimizer.model.ExpectedLoad;
import io.kelvin.energyoptimizer.model.Forecast;
import io.kelvin.energyoptimizer.model.Job;
import io.kelvin.energyoptimizer.model.JobSchedule;
import io.kelvin.energyoptimizer.model.Plan;
import io.kelvin.energyoptimizer.model.Schedules;
import io.kelvin.energyoptimizer.model.Weights;
import io.kelvin.energyoptimizer.replan.PlanningContext;
import io.kelvin.energyoptimizer.replan.Replanner;
import io.kelvin.energyoptimizer.replan.UrgentArrivals;
import io.kelvin.energyoptimizer.solve.SolverSettings.Backend;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ReplannerTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Tiny.T0);
    private final InstantSource clock = now::get;

    private Replanner replanner(Forecast f) {
        PlanningContext ctx = new PlanningContext(Tiny.T0, Duration.ofMinutes(15), 6, Duration.ofMinutes(15), Tiny.SITE,
                Tiny.FLAT_10_PERCENT, Weights.defaults().withCarbonPrice(0), 0, f);
        return new Replanner(Tiny.optimizer(Backend.CBC), clock, ctx);
    }

    @Test
    void replansOnANewJobAndAfterTheIntervalButNotInBetween() {
        Replanner r = replanner(Tiny.flat(20));
        r.submit(Tiny.job("a", 2, 0, 6));
        assertThat(r.replanIfDue()).isPresent();
        assertThat(r.replanIfDue()).isEmpty();
        now.set(Tiny.T0.plus(Duration.ofMinutes(15)));
        assertThat(r.replanIfDue()).isPresent();
    }

    @Test
    void drEventReplanMovesAPlannedJobOutOfTheEventWindow() {
        // Cheap slots 1-2 attract the job; a DR event over slots 0-3 (5 kW cap) arrives and pushes it to 4-5.
        Replanner r = replanner(Tiny.flat(20).withPrice(1, 0.05).withPrice(2, 0.05));
        r.submit(Tiny.job("a", 2, 0, 6));
        Plan before = r.replanIfDue().orElseThrow();
        assertThat(before.job("a").orElseThrow().runSlots()).containsExactly(1, 2);
        r.addDrEvent(new DrEvent("dr", 0, 4, 5, true));
        Plan after = r.replanIfDue().orElseThrow();
        assertThat(after.job("a").orElseThrow().runSlots()).containsExactly(4, 5);
        assertThat(new PlanChecker().check(r.problemAt(0), after).violations()).isEmpty();
    }

    @Test
    void aJobWhoseLatenessWouldCostMoreThanItsMissIsDroppedAndReportedNotRunLater() {
        // 8 GPUs, 2 slots of work: a miss costs 20 EUR x 4 GPU-h + 500 EUR = 580 EUR, lateness 4 EUR per slot.
        // At slot 150, "gone" (due at slot 2) would be 150 slots late (600 EUR): dropped. "late" (due at 20)
        // would be 132 slots late (528 EUR): cheaper than its miss, so it is planned at once.
        Replanner r = replanner(Tiny.flat(300));
        now.set(Tiny.T0.plus(Duration.ofMinutes(15 * 150)));
        r.submit(Tiny.job("gone", 2, 0, 2));
        r.submit(Tiny.job("late", 2, 0, 20));
        Plan plan = r.replanIfDue().orElseThrow();
        assertThat(r.expired()).containsExactly("gone");
        assertThat(plan.job("gone")).isEmpty();
        assertThat(plan.job("late").orElseThrow().runSlots()).containsExactly(0, 1);
        assertThat(r.pendingJobs()).isEqualTo(1);
    }

    @Test
    void startedJobIsFixedInTheNextPlan() {
        // Slot 0 is cheapest so the job starts; then slot 1 turns very expensive, but a started job cannot move.
        Replanner r = replanner(Tiny.flat(20).withPrice(0, 0.01).withPrice(1, 0.01));
        r.submit(Tiny.job("a", 2, 0, 6));
        r.replanIfDue();
        assertThat(r.runningNow()).containsExactly("a");
        r.advance(Set.of("a"));
        now.set(Tiny.T0.plus(Duration.ofMinutes(15)));
        r.updateForecast(Tiny.flat(20).withPrice(1, 9.0));
        Plan next = r.replanIfDue().orElseThrow();
        assertThat(next.job("a").orElseThrow().runSlots()).containsExactly(0);
        assertThat(next.job("a").orElseThrow().outcome()).isEqualTo(io.kelvin.energyoptimizer.model.JobSchedule.Outcome.FIXED);
    }

    @Test
    void preemptibleJobLongerThanTheHorizonRunsAsOneRunSpillingPastIt() {
        // 10 slots of work in a 6-slot horizon: it used to be reported missed forever and never ran.
        Replanner r = replanner(Tiny.flat(20));
        r.submit(Tiny.job("long", 10, 0, 12).asPreemptible(1));
        Plan plan = r.replanIfDue().orElseThrow();
        List<Integer> run = plan.job("long").orElseThrow().runSlots();
        assertThat(run).isNotEmpty().endsWith(5);
        assertThat(run).isEqualTo(java.util.stream.IntStream.rangeClosed(run.get(0), 5).boxed().toList());
        assertThat(new PlanChecker().check(r.problemAt(0), plan).violations()).isEmpty();
    }

    /**
     * A long preemptible job (10 slots of work, due at slot 14) runs in a 6-slot horizon on the 8 GPUs it
     * fills; at slot 1 an urgent job (priority 3, 2 slots, due at slot 3) arrives. Pinned over its remainder,
     * the long job holds its GPUs and the urgent one cannot start on time. Planned by the work due in the
     * horizon (9 left, 7 of them can wait past its end: 2 due, preemptible), it pauses for the urgent job.
     */
    @Test
    void aLongPreemptibleJobPlannedByItsDueWorkPausesForAnUrgentArrival() {
        for (boolean dueWorkOnly : List.of(false, true)) {
            now.set(Tiny.T0);
            Replanner r = replanner(Tiny.flat(40));
            if (dueWorkOnly) {
                r.planOnlyDueWork();
            }
            r.submit(Tiny.job("long", 10, 0, 14).asPreemptible(1));
            r.replanIfDue();
            assertThat(r.runningNow()).containsExactly("long");
            r.advance(r.runningNow());
            now.set(Tiny.T0.plus(Duration.ofMinutes(15)));
            r.submit(Tiny.job("urgent", 2, 1, 3).withPriority(3));
            Plan plan = r.replanIfDue().orElseThrow();

            Job planned = r.problemAt(1).jobs().stream().filter(j -> j.id().equals("long")).findFirst().orElseThrow();
            assertThat(new PlanChecker().check(r.problemAt(1), plan).violations()).isEmpty();
            if (dueWorkOnly) {
                assertThat(planned.preemptible()).isTrue();
                assertThat(Schedules.minWorkIn(planned, 6)).isEqualTo(2);
                assertThat(plan.job("urgent").orElseThrow().runSlots()).containsExactly(0, 1);
                assertThat(plan.job("long").orElseThrow().runSlots()).doesNotContain(0, 1);
            } else {
                assertThat(planned.preemptible()).isFalse();
                assertThat(plan.job("long").orElseThrow().runSlots()).startsWith(0, 1);
                assertThat(plan.job("urgent").orElseThrow().runSlots()).doesNotContain(0, 1);
            }
        }
    }

    /**
     * A pausable job whose whole work (5 slots) fits in the 6-slot horizon, but not beside a running job that holds
     * every GPU for the horizon's first two slots, and whose deadline lies past the horizon's end. Made to finish
     * inside the horizon it could only be missed, and a missed job was missed again at every re-plan while the
     * others ran. Planned by its due work (at least 5 less the 2 slots between the horizon's end and its deadline
     * inside the horizon), it runs now and ends on time.
     */
    @Test
    void aPausableJobDueAfterTheHorizonThatCannotFinishInsideItRunsItsDueWorkInsteadOfBeingMissed() {
        Replanner r = replanner(Tiny.flat(40));
        r.planOnlyDueWork();
        r.submit(Tiny.job("blocker", 3, 0, 3));
        r.replanIfDue();
        assertThat(r.runningNow()).containsExactly("blocker");
        r.advance(r.runningNow());
        now.set(Tiny.T0.plus(Duration.ofMinutes(15)));
        r.submit(Tiny.job("pausable", 5, 1, 9).asPreemptible(1));
        Plan plan = r.replanIfDue().orElseThrow();

        assertThat(plan.job("pausable").orElseThrow().outcome()).isEqualTo(JobSchedule.Outcome.ON_TIME);
        Job planned = r.problemAt(1).jobs().stream().filter(j -> j.id().equals("pausable")).findFirst().orElseThrow();
        assertThat(Schedules.minWorkIn(planned, 6)).isEqualTo(3);
        assertThat(plan.job("pausable").orElseThrow().runSlots()).hasSizeBetween(3, 4).allMatch(t -> t >= 2);
        assertThat(new PlanChecker().check(r.problemAt(1), plan).violations()).isEmpty();

        for (int t = 1; t < 12 && r.pendingJobs() > 0; t++) {
            now.set(Tiny.T0.plus(Duration.ofMinutes(15L * t)));
            r.replanIfDue();
            r.advance(r.runningNow());
        }
        assertThat(r.pendingJobs()).as("every job finished by slot 12").isZero();
    }

    @Test
    void urgentArrivalsOfTheLastWindowAreExpectedAgainGrowingWithLookahead() {
        UrgentArrivals arrivals = new UrgentArrivals(4, 1);
        arrivals.record(0, Job.of("urgent", 8, 10, 2, 0, 2)); // no slack
        arrivals.record(0, Job.of("flexible", 8, 10, 2, 0, 12)); // 10 slots of slack: not urgent
        ExpectedLoad load = arrivals.expectedAfter(1, 6, 0.25);
        // 8 GPUs x min(2, q) / 4 slots: nothing is unknown about the current slot.
        assertThat(new int[] {load.gpus(0), load.gpus(1), load.gpus(2), load.gpus(5)}).containsExactly(0, 2, 4, 4);
        assertThat(load.deltaKw(2)).isEqualTo(4.0); // (10 - 8 x 0.25) x 2 / 4
        assertThat(arrivals.expectedAfter(4, 6, 0.25).isNone()).as("the arrival has left the window").isTrue();
    }

    @Test
    void replannerKeepsRoomForUrgentArrivalsAndItsPlansPassTheChecker() {
        Replanner r = replanner(Tiny.flat(20));
        r.keepRoomForUrgentArrivals(new UrgentArrivals(4, 1));
        r.submit(Tiny.job("u", 2, 0, 2));
        r.submit(Job.of("f", 4, 5, 2, 0, 6));
        Plan plan = r.replanIfDue().orElseThrow();
        assertThat(r.problemAt(0).expectedLoad().gpus(3)).isEqualTo(4);
        assertThat(plan.slots().get(3).busyGpus()).isGreaterThanOrEqualTo(4);
        assertThat(plan.count(io.kelvin.energyoptimizer.model.JobSchedule.Outcome.ON_TIME)).isEqualTo(2);
        assertThat(new PlanChecker().check(r.problemAt(0), plan).violations()).isEmpty();
    }
}
