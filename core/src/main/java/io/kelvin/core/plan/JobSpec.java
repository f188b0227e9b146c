package io.kelvin.core.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A job as it was accepted for planning (already validated): id, GPUs, power either per GPU or in total
 * (null = not given), work, window {@code [release, deadline]}, priority (null = default), whether it
 * may pause and, if so, the checkpoint a resume costs (null = none), and the tenant or project it is run for
 * (null = none given), by which reports group the optimizer's savings.
 */
public record JobSpec(String id, int gpus, Double powerKwPerGpu, Double totalPowerKw, Duration duration,
                      Instant release, Instant deadline, Integer priority, boolean preemptible, Duration checkpoint,
                      String project) {

    public JobSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(deadline, "deadline");
    }

    /** A job run for no named project. */
    public JobSpec(String id, int gpus, Double powerKwPerGpu, Double totalPowerKw, Duration duration,
                   Instant release, Instant deadline, Integer priority, boolean preemptible, Duration checkpoint) {
        this(id, gpus, powerKwPerGpu, totalPowerKw, duration, release, deadline, priority, preemptible, checkpoint, null);
    }
}
