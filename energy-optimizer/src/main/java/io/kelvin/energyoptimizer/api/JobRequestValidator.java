package io.kelvin.energyoptimizer.api;

import io.kelvin.energyoptimizer.model.SiteModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks a {@link JobRequest} against a site and returns every problem as
 * {@code field: what is wrong, was VALUE}; an empty list means {@link JobRequest#toJob} is safe.
 */
public final class JobRequestValidator {

    private final SiteModel site;

    public JobRequestValidator(SiteModel site) {
        this.site = site;
    }

    public List<String> problems(JobRequest r) {
        List<String> out = new ArrayList<>();
        if (r.id() == null || r.id().isBlank()) {
            out.add("id: must not be blank");
        }
        if (r.gpus() == null || r.gpus() < 1 || r.gpus() > site.gpus()) {
            out.add("gpus: must be 1.." + site.gpus() + ", was " + r.gpus());
        }
        checkPower(r, out);
        if (r.duration() == null || r.duration().isNegative() || r.duration().isZero()) {
            out.add("duration: must be positive, was " + r.duration());
        }
        if (r.release() == null || r.deadline() == null) {
            out.add("release, deadline: both required");
        } else if (!r.deadline().isAfter(r.release())) {
            out.add("deadline: must be after release " + r.release() + ", was " + r.deadline());
        } else if (r.duration() != null && Duration.between(r.release(), r.deadline()).compareTo(r.duration()) < 0) {
            out.add("deadline: window " + Duration.between(r.release(), r.deadline()) + " is shorter than duration "
                    + r.duration());
        }
        if (r.priority() != null && (r.priority() < 1 || r.priority() > 10)) {
            out.add("priority: must be 1..10, was " + r.priority());
        }
        if (r.checkpoint() != null && r.checkpoint().isNegative()) {
            out.add("checkpoint: must not be negative, was " + r.checkpoint());
        }
        if (r.checkpoint() != null && !r.checkpoint().isZero() && !r.preemptible()) {
            out.add("checkpoint: only preemptible jobs pause, was " + r.checkpoint());
        }
        return out;
    }

    private static void checkPower(JobRequest r, List<String> out) {
        if (r.powerKwPerGpu() != null && r.totalPowerKw() != null) {
            out.add("power: give powerKwPerGpu or totalPowerKw, not both");
        }
        if (r.powerKwPerGpu() != null && !(r.powerKwPerGpu() >= 0 && r.powerKwPerGpu() <= 5)) {
            out.add(String.format(Locale.ROOT, "powerKwPerGpu: must be 0..5 kW, was %s", r.powerKwPerGpu()));
        }
        if (r.totalPowerKw() != null && !(r.totalPowerKw() >= 0)) {
            out.add(String.format(Locale.ROOT, "totalPowerKw: must not be negative, was %s", r.totalPowerKw()));
        }
    }
}
