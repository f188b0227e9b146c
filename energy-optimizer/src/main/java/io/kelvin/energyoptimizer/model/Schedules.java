package io.kelvin.energyoptimizer.model;

import java.util.List;

/** Plan-side rules about a job's run slots: segments, outcome, lateness. */
public final class Schedules {

    private Schedules() {
    }

    /**
     * Run segments that had to start (or resume): a maximal run of consecutive slots counts one,
     * except a run at slot 0 of a RUNNING job, which just continues.
     */
    public static int segments(Job job, List<Integer> runSlots) {
        int segments = 0;
        int previous = job.phase() == Job.Phase.RUNNING ? -1 : -2;
        for (int slot : runSlots) {
            if (slot != previous + 1) {
                segments++;
            }
            previous = slot;
        }
        return segments;
    }

    /**
     * Work a job has done, in slots, by the slots it ran in so far ({@code ranSlots}, ascending, any origin): a
     * preemptible job pays {@code checkpointSlots} of its run slots on every resume; a job that may not pause keeps
     * only its last unbroken run (a run broken off is lost, and it starts again). The one rule for progress: the
     * app's {@code JobProgress} (from the stored run log) and the scenario replay's meter both count by it.
     */
    public static int workDone(boolean preemptible, int checkpointSlots, List<Integer> ranSlots) {
        int segments = 0;
        int lastSegment = 0;
        int previous = Integer.MIN_VALUE;
        for (int slot : ranSlots) {
            boolean continues = previous != Integer.MIN_VALUE && slot == previous + 1;
            segments += continues ? 0 : 1;
            lastSegment = continues ? lastSegment + 1 : 1;
            previous = slot;
        }
        if (!preemptible) {
            return lastSegment;
        }
        return Math.max(0, ranSlots.size() - checkpointSlots * Math.max(0, segments - 1));
    }

    /** Resumes in a preemptible job's run slots, each paying a checkpoint: its segments, less a pending job's first. */
    private static int resumes(Job job, List<Integer> runSlots) {
        int segments = segments(job, runSlots);
        return job.phase() == Job.Phase.PENDING ? Math.max(0, segments - 1) : segments;
    }

    /** Slots a preemptible job must run: its work plus a checkpoint for every resume. */
    public static int requiredRunSlots(Job job, List<Integer> runSlots) {
        return job.durationSlots() + job.checkpointSlots() * resumes(job, runSlots);
    }

    /**
     * Whether the plan may leave part of this job's work past the horizon's end: a pausable job (not a fixed one) due
     * after that end. It must do at least {@link #minWorkIn} inside the horizon; the rest, run unpaused from the
     * horizon's end, then ends by its deadline, and the objective charges it at the terminal rate.
     */
    public static boolean open(Job job, int horizonSlots) {
        return job.preemptible() && !job.fixed() && job.deadlineSlot() > horizonSlots;
    }

    /**
     * The least work an {@link #open} job does inside the horizon: the work that cannot wait past its end (its work
     * less the slots from the end to its deadline), and at least one slot.
     */
    public static int minWorkIn(Job job, int horizonSlots) {
        return Math.max(1, job.durationSlots() - (job.deadlineSlot() - horizonSlots));
    }

    /** Work a preemptible job does in these run slots: the slots less a checkpoint per resume. */
    public static int workIn(Job job, List<Integer> runSlots) {
        return runSlots.size() - job.checkpointSlots() * resumes(job, runSlots);
    }

    /**
     * Whether a preemptible job's run slots do the work they must: all of it (plus a checkpoint per resume), or for an
     * {@link #open} job anything from {@link #minWorkIn} to all of it.
     */
    public static boolean enoughWork(Job job, List<Integer> runSlots, int horizonSlots) {
        if (!open(job, horizonSlots)) {
            return runSlots.size() == requiredRunSlots(job, runSlots);
        }
        int work = workIn(job, runSlots);
        return work >= minWorkIn(job, horizonSlots) && work <= job.durationSlots();
    }

    /** Builds the schedule of a job from its run slots (empty = missed), before explanation. */
    public static JobSchedule schedule(Job job, List<Integer> runSlots, int horizonSlots) {
        if (job.fixed()) {
            return new JobSchedule(job.id(), runSlots, job.durationSlots(), JobSchedule.Outcome.FIXED, 0, null);
        }
        if (runSlots.isEmpty()) {
            return new JobSchedule(job.id(), runSlots, -1, JobSchedule.Outcome.MISSED, 0, null);
        }
        int first = runSlots.get(0);
        int left = open(job, horizonSlots) ? job.durationSlots() - workIn(job, runSlots) : 0;
        int end = !job.preemptible() ? first + job.durationSlots()
                : left > 0 ? horizonSlots + left : runSlots.get(runSlots.size() - 1) + 1;
        int late = job.preemptible()
                ? (int) runSlots.stream().filter(s -> s >= job.deadlineSlot()).count()
                : Math.max(0, end - job.deadlineSlot());
        JobSchedule.Outcome outcome = end > job.deadlineSlot() ? JobSchedule.Outcome.LATE : JobSchedule.Outcome.ON_TIME;
        return new JobSchedule(job.id(), runSlots, end, outcome, late, null);
    }

    /**
     * Slots of a job's work past the horizon's end, which the objective charges at the terminal rate
     * ({@link Problem#terminalEurPerSlot}): none for a missed job or a fixed one (not a decision).
     */
    public static int slotsPastHorizon(JobSchedule s, int horizonSlots) {
        return s.outcome() == JobSchedule.Outcome.MISSED || s.outcome() == JobSchedule.Outcome.FIXED
                ? 0 : Math.max(0, s.endSlot() - horizonSlots);
    }

    /** Contiguous run slots of a non-preemptible job started at {@code start}, cut at the horizon. */
    public static List<Integer> contiguous(int start, int duration, int horizonSlots) {
        return java.util.stream.IntStream.range(start, Math.min(start + duration, horizonSlots)).boxed().toList();
    }

    /**
     * Candidate start slots {@code [lo, hi]} of a non-preemptible job (run slots for a preemptible
     * one: {@code [lo, hi]} inclusive): from its release to {@code maxLate} slots past the latest
     * on-time start, inside the horizon; a job that cannot finish inside the horizon may start up to
     * its last slot and spill past it. Empty when {@code hi < lo}.
     */
    public static int[] window(Job job, int horizonSlots, int maxLate) {
        int lo = Math.max(0, job.releaseSlot());
        if (job.preemptible()) {
            return new int[] {lo, Math.min(horizonSlots, job.deadlineSlot() + maxLate) - 1};
        }
        int latest = job.deadlineSlot() - job.durationSlots() + maxLate;
        int hi = Math.min(latest, horizonSlots - job.durationSlots());
        if (hi < lo && lo + job.durationSlots() > horizonSlots) {
            hi = Math.min(latest, horizonSlots - 1);
        }
        return new int[] {lo, hi};
    }
}
