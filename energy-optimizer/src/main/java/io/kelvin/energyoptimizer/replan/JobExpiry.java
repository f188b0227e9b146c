package io.kelvin.energyoptimizer.replan;

import io.kelvin.energyoptimizer.model.Job;
import io.kelvin.energyoptimizer.model.Weights;

/**
 * When a re-planner gives up on a job that has not started: once its lateness, were it started now, would
 * already cost at least what missing it costs (the objective's own weights: lateness per GPU-hour late against
 * the miss per GPU-hour of work plus the per-job charge; the priority scales both, so it cancels). From then on
 * running the job can only make the objective worse than its miss; kept pending, a plan that left it out for
 * want of room would run it whenever room appeared, however late. A job already running or paused with work
 * done is never given up. The app's {@code PlanningService} applies it through {@code JobProgress}.
 */
public final class JobExpiry {

    private JobExpiry() {
    }

    /** Whether a pending job ({@code job}'s slots in the same frame as {@code currentSlot}) is given up now. */
    public static boolean expired(Job job, int currentSlot, Weights w, double slotHours) {
        return job.phase() == Job.Phase.PENDING && expired(job.gpus(), job.durationSlots(),
                currentSlot + job.durationSlots() - job.deadlineSlot(), w, slotHours);
    }

    /**
     * The same rule on a job's GPUs, its work in slots, and how many slots past its deadline it would end if it
     * started in the current slot.
     */
    public static boolean expired(int gpus, int workSlots, int lateSlotsIfStartedNow, Weights w, double slotHours) {
        if (lateSlotsIfStartedNow <= 0) {
            return false;
        }
        double lateEur = w.latenessEurPerGpuHour() * gpus * slotHours * lateSlotsIfStartedNow;
        double missEur = w.missedEurPerGpuHour() * gpus * slotHours * workSlots + w.missedJobEur();
        return lateEur >= missEur;
    }
}
