package io.kelvin.web.planning;

import io.kelvin.energyoptimizer.api.JobRequest;
import java.time.Instant;

/** A job as it was submitted and accepted, with the time Kelvin accepted it. */
public record StoredJob(JobRequest request, Instant submittedAt) {

    public String id() {
        return request.id();
    }
}
