package io.kelvin.energyoptimizer.api;

import java.time.Duration;
import java.time.Instant;

/**
 * A job as a client submits it (e.g. a REST body). Power is either per GPU or total kW (give one;
 * neither = the cluster's active kW per GPU); {@code project} names the tenant or project the job is run for
 * (optional; reports group savings by it). Nullable fields are what a JSON body may leave out;
 * {@link JobRequestValidator} says precisely what is wrong before {@link #toJob} is called.
 */
public record JobRequest(String id, Integer gpus, Double powerKwPerGpu, Double totalPowerKw, Duration duration,
                         Instant release, Instant deadline, Integer priority, boolean preemptible,
                         Duration checkpoint, String project) {

    /** A job for no named project. */
    public JobRequest(String id, Integer gpus, Double powerKwPerGpu, Double totalPowerKw, Duration duration,
                      Instant release, Instant deadline, Integer priority, boolean preemptible, Duration checkpoint) {
        this(id, gpus, powerKwPerGpu, totalPowerKw, duration, release, deadline, priority, preemptible, checkpoint, null);
    }

    /**
     * The job in a horizon's slots, never looser than asked: release rounded up (a job never starts
     * before its release), deadline down, duration and checkpoint up to whole slots.
     */
    public io.kelvin.energyoptimizer.model.Job toJob(io.kelvin.energyoptimizer.model.Horizon h,
                                                     io.kelvin.energyoptimizer.model.SiteModel site) {
        long slotSeconds = h.slotLength().toSeconds();
        int releaseSlot = (int) Math.ceilDiv(Duration.between(h.start(), release()).toSeconds(), slotSeconds);
        int deadlineSlot = (int) Math.floorDiv(Duration.between(h.start(), deadline()).toSeconds(), slotSeconds);
        int slots = (int) Math.ceilDiv(duration.toSeconds(), slotSeconds);
        int checkpointSlots = checkpoint == null ? 0 : (int) Math.ceilDiv(checkpoint.toSeconds(), slotSeconds);
        return new io.kelvin.energyoptimizer.model.Job(id, gpus, powerKw(site), slots, releaseSlot, deadlineSlot,
                priority == null ? 1 : priority, preemptible, checkpointSlots,
                io.kelvin.energyoptimizer.model.Job.Phase.PENDING);
    }

    /** The job's IT power while running, kW: its total, else its GPUs times the per-GPU power or the site's busy kW. */
    public double powerKw(io.kelvin.energyoptimizer.model.SiteModel site) {
        return totalPowerKw != null ? totalPowerKw
                : gpus * (powerKwPerGpu != null ? powerKwPerGpu : site.activeKwPerGpu());
    }
}
