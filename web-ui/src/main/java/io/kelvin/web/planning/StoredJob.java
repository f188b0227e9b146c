package io.kelvin.web.planning;

import io.kelvin.energyoptimizer.api.JobRequest;
import java.time.Instant;

/** A job as it was submitted and accepted, with the time Kelvin accepted it and, once cancelled, when (else null). */
public record StoredJob(JobRequest request, Instant submittedAt, Instant cancelledAt) {

    public StoredJob(JobRequest request, Instant submittedAt) {
        this(request, submittedAt, null);
    }

    public boolean cancelled() {
        return cancelledAt != null;
    }

    public String id() {
        return request.id();
    }
}
