package io.kelvin.energyoptimizer.model;

/**
 * A schedulable GPU job in horizon slots. {@code releaseSlot} is the first slot it may run in;
 * {@code deadlineSlot} is exclusive (on time when its last run slot is before it). {@code powerKw}
 * is the job's IT draw while running (all its GPUs busy, hosts included); while it waits, its GPUs
 * draw the cluster's idle power. {@code durationSlots} is the work left. {@code priority} (1..10)
 * multiplies lateness and missed-deadline penalties.
 *
 * <p>A RUNNING non-preemptible job is fixed: it occupies slots {@code [0, durationSlots)}.
 * A RUNNING preemptible job may continue at slot 0 without a checkpoint; a PAUSED one has made
 * progress and pays {@code checkpointSlots} on every resume.
 */
public record Job(String id, int gpus, double powerKw, int durationSlots, int releaseSlot,
                  int deadlineSlot, int priority, boolean preemptible, int checkpointSlots,
                  Phase phase) {

    public enum Phase { PENDING, RUNNING, PAUSED }

    public Job {
        if (gpus <= 0 || durationSlots <= 0 || !(powerKw >= 0) || Double.isInfinite(powerKw) || checkpointSlots < 0) {
            throw new IllegalArgumentException("job " + id + ": gpus, duration must be > 0, power finite and >= 0,"
                    + " checkpoint >= 0");
        }
    }

    /** A pending job that may not be paused. */
    public static Job of(String id, int gpus, double powerKw, int durationSlots, int releaseSlot,
                         int deadlineSlot) {
        return new Job(id, gpus, powerKw, durationSlots, releaseSlot, deadlineSlot, 1, false, 0,
                Phase.PENDING);
    }

    public Job asPreemptible(int checkpoint) {
        return new Job(id, gpus, powerKw, durationSlots, releaseSlot, deadlineSlot, priority, true,
                checkpoint, phase);
    }

    public Job withPhase(Phase newPhase) {
        return new Job(id, gpus, powerKw, durationSlots, releaseSlot, deadlineSlot, priority,
                preemptible, checkpointSlots, newPhase);
    }

    public Job withPriority(int newPriority) {
        return new Job(id, gpus, powerKw, durationSlots, releaseSlot, deadlineSlot, newPriority,
                preemptible, checkpointSlots, phase);
    }

    /**
     * This job as a horizon of {@code horizonSlots} can plan it. A preemptible job whose work left (plus the
     * checkpoint a paused one pays to resume) cannot fit between its release and the horizon's end is planned as
     * one run that spills past the horizon, like a job that may not pause: its remainder is too long for any pause
     * inside this horizon to help, and otherwise no plan could place it at all. A later re-plan lets it pause
     * again once the rest fits. Every other job is this job. The re-planning loop ({@code PlanningService}, the
     * app's and the scenario replays') puts its jobs into a horizon through here or {@link #dueWorkIn}.
     */
    public Job fittedTo(int horizonSlots) {
        int resume = phase == Phase.PAUSED ? checkpointSlots : 0;
        if (!preemptible || releaseSlot + durationSlots + resume <= horizonSlots) {
            return this;
        }
        return new Job(id, gpus, powerKw, durationSlots + resume, releaseSlot, deadlineSlot, priority, false, 0,
                phase == Phase.PAUSED ? Phase.PENDING : phase);
    }

    /**
     * This job as a horizon of {@code horizonSlots} plans it by its due work: a preemptible job whose deadline lies
     * past the horizon's end is planned as it is, and the plan must do inside the horizon only the work that cannot
     * wait past that end ({@link Schedules#open}, {@link Schedules#minWorkIn}); it may do more where that is cheaper
     * than the terminal rate the rest is charged at, and it can pause for jobs with less slack. Where even the due
     * work does not fit, {@link #fittedTo}.
     */
    public Job dueWorkIn(int horizonSlots) {
        int resume = phase == Phase.PAUSED ? checkpointSlots : 0;
        if (preemptible && deadlineSlot > horizonSlots
                && releaseSlot + Schedules.minWorkIn(this, horizonSlots) + resume <= horizonSlots) {
            return this;
        }
        return fittedTo(horizonSlots);
    }

    /** Fixed jobs are not decisions: a running job that may not pause. */
    public boolean fixed() {
        return phase == Phase.RUNNING && !preemptible;
    }

    /** IT power added over idle while running, in kW. */
    public double deltaKw(double idleKwPerGpu) {
        return powerKw - gpus * idleKwPerGpu;
    }
}
