package io.kelvin.web.api;

import io.kelvin.core.plan.JobSpec;
import io.kelvin.core.plan.Placement;
import io.kelvin.core.plan.PlannedJob;
import io.kelvin.core.plan.StoredJob;
import io.kelvin.energyoptimizer.app.JobProgress;
import java.time.Instant;

/**
 * A job as the API shows it: what was submitted (durations as ISO-8601 text), when, what has happened
 * to it ({@code state}: PENDING, RUNNING, PAUSED, FINISHED, EXPIRED or CANCELLED, then
 * {@code cancelledAt}; work done; when it first ran
 * and when it finished, null until then), and its place in the newest plan that has it
 * ({@code planId} and {@code planned} are null before the first plan); {@code project} is null when none was given.
 */
public record JobView(String id, int gpus, Double powerKwPerGpu, Double totalPowerKw, String duration,
                      Instant release, Instant deadline, Integer priority, boolean preemptible, String checkpoint,
                      String project, Instant submittedAt, String state, String workDone, Instant startedAt, Instant finishedAt,
                      Instant cancelledAt, Long planId, PlannedJob planned) {

    static JobView of(StoredJob job, JobProgress progress, Placement placement) {
        JobSpec r = job.spec();
        return new JobView(r.id(), r.gpus(), r.powerKwPerGpu(), r.totalPowerKw(), r.duration().toString(),
                r.release(), r.deadline(), r.priority(), r.preemptible(),
                r.checkpoint() == null ? null : r.checkpoint().toString(), r.project(), job.submittedAt(),
                job.cancelled() ? "CANCELLED" : progress.state().name(), progress.workDone().toString(),
                progress.startedAt(), progress.finishedAt(), job.cancelledAt(),
                placement == null ? null : placement.planId(), placement == null ? null : placement.job());
    }
}
