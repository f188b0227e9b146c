package io.kelvin.energyoptimizer.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.core.plan.JobSpec;
import io.kelvin.energyoptimizer.model.Job;
import io.kelvin.energyoptimizer.model.Weights;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A job's progress from the quarter hours it ran in: work done, state, and the job the planner sees. */
class JobProgressTest {

    private static final Instant T0 = Instant.parse("2026-06-21T00:00:00Z");
    private static final int MAX_LATE = 16;

    @Test
    void aJobThatNeverRanStaysPendingPastItsAllowedLatenessUntilItsLatenessWouldCostItsMiss() {
        // 64 GPUs, 2 h of work, due at slot 24. Started at slot c it ends c + 8 - 24 slots late, at 32 EUR a slot;
        // its miss costs 20 EUR x 64 x 2 h + 500 EUR = 3,060 EUR: given up once 96 slots late, from slot 112.
        JobSpec job = job(false, null, Duration.ofHours(6));
        assertThat(state(job, 10)).isEqualTo(JobProgress.State.PENDING);
        assertThat(state(job, 24 + MAX_LATE)).as("past the allowed lateness, still worth running").isEqualTo(
                JobProgress.State.PENDING);
        assertThat(state(job, 111)).isEqualTo(JobProgress.State.PENDING);
        assertThat(state(job, 112)).isEqualTo(JobProgress.State.EXPIRED);
    }

    @Test
    void aJobThatNeverRanIsGivenUpAWeekPastItsDeadlineWhateverItsFigures() {
        // One GPU: its 500 EUR charge per miss would keep it worth running 11 days late.
        JobSpec job = new JobSpec("small", 1, null, 1.0, Duration.ofHours(2), T0, slot(24), null, false, null);
        int week = 7 * 96;
        assertThat(state(job, 24 + week - 1)).isEqualTo(JobProgress.State.PENDING);
        assertThat(state(job, 24 + week)).isEqualTo(JobProgress.State.EXPIRED);
    }

    @Test
    void aPendingJobThatCanNoLongerEndByItsDeadlineIsPlannedAgainstTheEarliestEndItCanReach() {
        JobProgress p = JobProgress.of(job(false, null, Duration.ofHours(6)), List.of(), slot(30), MAX_LATE,
                Weights.defaults());
        // In a horizon from slot 30 the job is due 6 slots ago; it can end at slot 8 at the earliest.
        Job planned = p.toJob(new Job("j", 64, 40, 8, 0, -6, 1, false, 0, Job.Phase.PENDING));
        assertThat(planned.deadlineSlot()).isEqualTo(8);
        assertThat(p.toJob(submitted(false, 0)).deadlineSlot()).as("a deadline it can reach stays").isEqualTo(40);
    }

    private static JobProgress.State state(JobSpec job, int slot) {
        return JobProgress.of(job, List.of(), slot(slot), MAX_LATE, Weights.defaults()).state();
    }

    @Test
    void aJobRunningNowThatMayNotPauseIsFixedForTheWorkItHasLeft() {
        JobProgress p = JobProgress.of(job(false, null, Duration.ofHours(6)), slots(0, 1, 2), slot(2), MAX_LATE, Weights.defaults());

        assertThat(p.state()).isEqualTo(JobProgress.State.RUNNING);
        assertThat(p.workDone()).isEqualTo(Duration.ofMinutes(30));
        assertThat(p.startedAt()).isEqualTo(slot(0));
        Job planned = p.toJob(submitted(false, 0));
        assertThat(planned.fixed()).isTrue();
        assertThat(planned.durationSlots()).isEqualTo(6);
    }

    @Test
    void aJobFinishesAtTheEndOfTheSlotThatCompletesItsWork() {
        JobProgress p = JobProgress.of(job(false, null, Duration.ofHours(6)), slots(4, 5, 6, 7, 8, 9, 10, 11), slot(12),
                MAX_LATE, Weights.defaults());

        assertThat(p.state()).isEqualTo(JobProgress.State.FINISHED);
        assertThat(p.open()).isFalse();
        assertThat(p.finishedAt()).isEqualTo(slot(12));
        assertThat(p.workDone()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aPausedJobHasDoneItsRunSlotsLessACheckpointPerResumeAndPaysOneMoreToResume() {
        // Ran 0-2, resumed at 5-6 (slot 5 was the checkpoint): 5 run slots, 4 slots of work.
        JobProgress p = JobProgress.of(job(true, Duration.ofMinutes(15), Duration.ofHours(12)), slots(0, 1, 2, 5, 6),
                slot(8), MAX_LATE, Weights.defaults());

        assertThat(p.state()).isEqualTo(JobProgress.State.PAUSED);
        assertThat(p.doneSlots()).isEqualTo(4);
        Job planned = p.toJob(submitted(true, 1));
        assertThat(planned.phase()).isEqualTo(Job.Phase.PAUSED);
        assertThat(planned.durationSlots()).isEqualTo(4);
        assertThat(planned.checkpointSlots()).isEqualTo(1);
    }

    @Test
    void aJobResumingInTheCurrentSlotCarriesThatCheckpointInItsWorkLeft() {
        JobProgress p = JobProgress.of(job(true, Duration.ofMinutes(15), Duration.ofHours(12)), slots(0, 1, 2, 5),
                slot(5), MAX_LATE, Weights.defaults());

        assertThat(p.state()).isEqualTo(JobProgress.State.RUNNING);
        assertThat(p.doneSlots()).isEqualTo(3);
        // The checkpoint being paid now plus the 5 slots of work still to do.
        assertThat(p.toJob(submitted(true, 1)).durationSlots()).isEqualTo(6);
    }

    @Test
    void aJobThatMayNotPauseLosesARunThatWasBrokenOff() {
        JobProgress p = JobProgress.of(job(false, null, Duration.ofHours(6)), slots(0, 1, 2), slot(6), MAX_LATE, Weights.defaults());

        assertThat(p.state()).isEqualTo(JobProgress.State.PENDING);
        assertThat(p.doneSlots()).isZero();
        assertThat(p.toJob(submitted(false, 0)).durationSlots()).isEqualTo(8);
    }

    @Test
    void aStartedJobPastItsDeadlineIsStillPlannedToFinish() {
        JobProgress p = JobProgress.of(job(true, Duration.ofMinutes(15), Duration.ofHours(2)), slots(0, 1, 2), slot(20),
                MAX_LATE, Weights.defaults());
        Job late = new Job("j", 64, 40, 8, -20, -12, 1, true, 1, Job.Phase.PENDING);

        Job planned = p.toJob(late);
        assertThat(planned.releaseSlot()).isZero();
        assertThat(planned.deadlineSlot()).isEqualTo(5 + 1);
    }

    /** 64 GPUs, 2 hours of work, released at T0 with the given time to its deadline. */
    private static JobSpec job(boolean preemptible, Duration checkpoint, Duration toDeadline) {
        return new JobSpec("j", 64, null, 40.0, Duration.ofHours(2), T0, T0.plus(toDeadline), null, preemptible,
                checkpoint);
    }

    /** The same job as the planner receives it when pending, in a horizon from the current slot. */
    private static Job submitted(boolean preemptible, int checkpointSlots) {
        return new Job("j", 64, 40, 8, 0, 40, 1, preemptible, checkpointSlots, Job.Phase.PENDING);
    }

    private static Instant slot(int k) {
        return T0.plus(Duration.ofMinutes(15L * k));
    }

    private static List<Instant> slots(int... k) {
        return Arrays.stream(k).mapToObj(JobProgressTest::slot).toList();
    }
}
