package io.kelvin.core.plan;

import java.time.Instant;
import java.util.Objects;

/** A job as it was submitted and accepted, with the time Kelvin accepted it and, once cancelled, when (else null). */
public record StoredJob(JobSpec spec, Instant submittedAt, Instant cancelledAt) {

    public StoredJob {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(submittedAt, "submittedAt");
    }

    public StoredJob(JobSpec spec, Instant submittedAt) {
        this(spec, submittedAt, null);
    }

    public boolean cancelled() {
        return cancelledAt != null;
    }

    public String id() {
        return spec.id();
    }
}
