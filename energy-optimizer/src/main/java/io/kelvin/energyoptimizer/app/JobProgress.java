package io.kelvin.energyoptimizer.app;

import io.kelvin.core.plan.JobSpec;
import io.kelvin.energyoptimizer.model.Horizon;
import io.kelvin.energyoptimizer.model.Job;
import io.kelvin.energyoptimizer.model.Schedules;
import io.kelvin.energyoptimizer.model.Weights;
import io.kelvin.energyoptimizer.replan.JobExpiry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What has happened to one job, worked out from the quarter hours it was dispatched to run in
 * ({@code runs}, slot starts in ascending order) as seen from the current slot.
 *
 * <ul>
 *   <li>Work done counts the slots run before the current one, less a checkpoint for every resume of
 *       a preemptible job; a job that may not pause keeps only its last unbroken run (an interrupted
 *       run is lost).</li>
 *   <li>{@code RUNNING}: dispatched in the current slot; {@code PAUSED}: ran before, not now;
 *       {@code PENDING}: never ran (or, for a job that may not pause, its run was broken off and it
 *       starts again); {@code FINISHED}: all its work done ({@code finishedAt} is the end of its last
 *       slot); {@code EXPIRED}: pending so late that its lateness would cost at least its miss ({@link JobExpiry}), or a week ({@link #LONG_STOP}) past its deadline, so it is no longer planned. A
 *       pending job that can no longer end by its deadline is planned against the earliest end it can reach.</li>
 * </ul>
 */
public record JobProgress(State state, int workSlots, int doneSlots, int leftSlots, Instant startedAt,
                          Instant finishedAt) {

    /**
     * A job that has not started a week after its deadline is given up whatever its figures: a bound on the jobs a
     * re-plan reads, well past where {@link JobExpiry} gives up all but the smallest, longest jobs.
     */
    public static final Duration LONG_STOP = Duration.ofDays(7);

    public enum State { PENDING, RUNNING, PAUSED, FINISHED, EXPIRED }

    public static JobProgress of(JobSpec job, List<Instant> runs, Instant currentSlot, int maxLateSlots, Weights weights) {
        long slotSeconds = Horizon.QUARTER_HOUR.toSeconds();
        int work = (int) Math.ceilDiv(job.duration().toSeconds(), slotSeconds);
        int checkpoint = job.preemptible() && job.checkpoint() != null
                ? (int) Math.ceilDiv(job.checkpoint().toSeconds(), slotSeconds) : 0;
        List<Instant> before = runs.stream().filter(t -> t.isBefore(currentSlot)).toList();
        boolean now = runs.contains(currentSlot);
        int doneBefore = done(job, before, checkpoint);
        Instant started = runs.isEmpty() ? null : runs.get(0);
        if (doneBefore >= work) {
            return new JobProgress(State.FINISHED, work, work, 0, started,
                    before.get(before.size() - 1).plus(Horizon.QUARTER_HOUR));
        }
        if (now) {
            // Counted with the current slot: a resume's checkpoint is being paid now, a broken run restarts.
            int doneWithCurrent = done(job, runs.stream().filter(t -> !t.isAfter(currentSlot)).toList(), checkpoint);
            int doneSlots = job.preemptible() ? doneBefore : doneWithCurrent - 1;
            return new JobProgress(State.RUNNING, work, doneSlots, work - doneWithCurrent + 1, started, null);
        }
        if (doneBefore > 0 && job.preemptible()) {
            return new JobProgress(State.PAUSED, work, doneBefore, work - doneBefore, started, null);
        }
        // Never ran, or a job that may not pause had its run broken off: it starts again from the beginning.
        Instant giveUp = job.deadline().plus(lookback(maxLateSlots));
        // The deadline in slots from the current one, rounded down as a planned job's is.
        int deadlineSlot = (int) Math.floorDiv(Duration.between(currentSlot, job.deadline()).toSeconds(), slotSeconds);
        boolean givenUp = !currentSlot.isBefore(giveUp)
                || JobExpiry.expired(job.gpus(), work, work - deadlineSlot, weights, slotSeconds / 3600.0);
        return new JobProgress(givenUp ? State.EXPIRED : State.PENDING, work, 0, work, started, null);
    }

    /**
     * How long past its deadline a job that has not started may still be open: {@link #LONG_STOP}, or the allowed
     * lateness when that is longer. Before that only {@link JobExpiry}'s cost rule gives it up.
     */
    public static Duration lookback(int maxLateSlots) {
        Duration late = Horizon.QUARTER_HOUR.multipliedBy(maxLateSlots);
        return late.compareTo(LONG_STOP) > 0 ? late : LONG_STOP;
    }

    /** Whether a plan should still place the job. */
    public boolean open() {
        return state != State.FINISHED && state != State.EXPIRED;
    }

    public Duration workDone() {
        return Horizon.QUARTER_HOUR.multipliedBy(doneSlots);
    }

    /**
     * The job as the planner sees it in a horizon starting at the current slot ({@code submitted}: the
     * job as submitted, in that horizon's slots): a pending job as submitted; a running one with the work left counted from the current slot (a job that may not
     * pause is then fixed there); a paused one with the work left, paying its checkpoint when it
     * resumes. A started job is never dropped for being late: its deadline is moved to the earliest
     * end it can still reach.
     */
    public Job toJob(Job submitted) {
        if (state == State.PENDING) {
            // Past its deadline (it can no longer end by it): due at the earliest end it can still reach, so a plan
            // places it as soon as it is worth it, however late, until JobExpiry gives it up.
            int earliestEnd = submitted.releaseSlot() + submitted.durationSlots();
            return submitted.deadlineSlot() >= earliestEnd ? submitted : new Job(submitted.id(), submitted.gpus(),
                    submitted.powerKw(), submitted.durationSlots(), submitted.releaseSlot(), earliestEnd,
                    submitted.priority(), submitted.preemptible(), submitted.checkpointSlots(), submitted.phase());
        }
        int left = leftSlots;
        Job.Phase phase = state == State.RUNNING ? Job.Phase.RUNNING : Job.Phase.PAUSED;
        int earliestEnd = left + (phase == Job.Phase.PAUSED ? submitted.checkpointSlots() : 0);
        return new Job(submitted.id(), submitted.gpus(), submitted.powerKw(), left, 0,
                Math.max(submitted.deadlineSlot(), earliestEnd), submitted.priority(), submitted.preemptible(),
                submitted.checkpointSlots(), phase);
    }

    /** Work done by these run slots (ascending), by the one rule ({@link Schedules#workDone}). */
    private static int done(JobSpec job, List<Instant> runs, int checkpoint) {
        long slotSeconds = Horizon.QUARTER_HOUR.toSeconds();
        List<Integer> slots = runs.stream().map(t -> (int) Math.floorDiv(t.getEpochSecond(), slotSeconds)).toList();
        return Schedules.workDone(job.preemptible(), checkpoint, slots);
    }
}
