package io.kelvin.energyoptimizer;

import static io.kelvin.energyoptimizer.Tiny.flat;
import static io.kelvin.energyoptimizer.Tiny.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kelvin.energyoptimizer.check.DrOversubscription;
import io.kelvin.energyoptimizer.check.PlanChecker;
import io.kelvin.energyoptimizer.model.DrEvent;
import io.kelvin.energyoptimizer.model.Job;
import io.kelvin.energyoptimizer.model.JobSchedule.Outcome;
import io.kelvin.energyoptimizer.model.Plan;
import io.kelvin.energyoptimizer.model.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Half-cluster jobs on the tiny site: 4 GPUs at 5 kW IT, 4 kW above idle. The idle site draws 2 kW IT,
 * 2.2 kW facility; an 8 kW cap leaves 8 / 1.1 - 2 = 5.27 kW above idle, room for one such job, not two.
 */
class DrOversubscriptionTest {

    private static final DrEvent CAP_AT_SLOT_1 = new DrEvent("dr", 1, 2, 8, true);

    private static Job half(String id, int duration, int release, int deadline) {
        return Job.of(id, 4, 5, duration, release, deadline);
    }

    @Test
    void twoJobsThatMustBothRunInTheCappedSlotAreReportedAsOversubscribingIt() {
        // Both may start at 0 or 1 and run 2 slots: either way they run in slot 1.
        Problem p = problem(4, flat(4), List.of(CAP_AT_SLOT_1), half("a", 2, 0, 3), half("b", 2, 0, 3));

        List<DrOversubscription.Finding> found = DrOversubscription.of(p);

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.eventId()).isEqualTo("dr");
            assertThat(f.fromSlot()).isEqualTo(1);
            assertThat(f.toSlot()).isEqualTo(2);
            assertThat(f.jobIds()).containsExactly("a", "b");
            assertThat(f.neededKwh()).isCloseTo(2.0, within(1e-6));
            assertThat(f.roomKwh()).isCloseTo(0.25 * (8 / 1.1 - 2), within(1e-3));
        });
    }

    @Test
    void thePlanFinishesOneOfThemLateAndTheCheckerNotesWhyNoPlanCouldDoBetter() {
        Problem p = problem(4, flat(4), List.of(CAP_AT_SLOT_1), half("a", 2, 0, 3), half("b", 2, 0, 3));

        Plan plan = Tiny.solveChecked(p);

        assertThat(plan.jobs()).filteredOn(j -> j.outcome() == Outcome.ON_TIME).hasSize(1);
        assertThat(new PlanChecker().check(p, plan).notes())
                .anySatisfy(n -> assertThat(n).startsWith("DR event dr: jobs due in slot 1 need at least 2 kWh")
                        .endsWith("no plan finishes all of 2 jobs (a, b) on time within it"));
    }

    @Test
    void aJobThatCanFinishBeforeOrStartAfterTheEventDoesNotCount() {
        // b may run in slots 2-3 instead; a's only slot in the window fits under the cap.
        Problem p = problem(4, flat(4), List.of(CAP_AT_SLOT_1), half("a", 2, 0, 3), half("b", 2, 0, 4));

        assertThat(DrOversubscription.of(p)).isEmpty();
        Plan plan = Tiny.solveChecked(p);
        assertThat(plan.jobs()).allSatisfy(j -> assertThat(j.outcome()).isEqualTo(Outcome.ON_TIME));
    }

    @Test
    void aPausableJobCountsOnlyTheSlotsItsWindowLeavesItNoChoiceAbout() {
        // 3 slots of work in a 4-slot window can pause over slot 1; 4 slots of work in 4 cannot.
        Job roomToPause = half("p", 3, 0, 4).asPreemptible(0);
        Job noRoom = half("p", 4, 0, 4).asPreemptible(0);
        Job other = half("a", 2, 0, 3);

        assertThat(DrOversubscription.of(problem(4, flat(4), List.of(CAP_AT_SLOT_1), roomToPause, other))).isEmpty();
        assertThat(DrOversubscription.of(problem(4, flat(4), List.of(CAP_AT_SLOT_1), noRoom, other)))
                .singleElement().satisfies(f -> assertThat(f.jobIds()).containsExactly("p", "a"));
    }

    @Test
    void aRunningJobThatCannotPauseTakesRoomButIsNotNamed() {
        Job running = half("r", 3, 0, 3).withPhase(Job.Phase.RUNNING);
        Problem p = problem(4, flat(4), List.of(CAP_AT_SLOT_1), running, half("a", 2, 0, 3));

        assertThat(DrOversubscription.of(p)).singleElement().satisfies(f -> {
            assertThat(f.jobIds()).containsExactly("a");
            assertThat(f.roomKwh()).isCloseTo(0.25 * (8 / 1.1 - 2 - 4), within(1e-3));
        });
    }

    @Test
    void softEventsAndJobsThatCannotBeOnTimeAnywayAreLeftOut() {
        Problem soft = problem(4, flat(4), List.of(CAP_AT_SLOT_1.soft()), half("a", 2, 0, 3), half("b", 2, 0, 3));
        Problem hopeless = problem(4, flat(4), List.of(CAP_AT_SLOT_1), half("a", 2, 0, 3), half("b", 3, 1, 3));

        assertThat(DrOversubscription.of(soft)).isEmpty();
        assertThat(DrOversubscription.of(hopeless)).isEmpty();
    }
}
