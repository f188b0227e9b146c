package io.kelvin.energyoptimizer.api;

import io.kelvin.energyoptimizer.model.Horizon;
import io.kelvin.energyoptimizer.model.SiteModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a {@link JobRequest} against a site and returns every problem as
 * {@code field: what is wrong, was VALUE}; an empty list means {@link JobRequest#toJob} is safe and the
 * job can be planned. Limits: an id of 1..{@value #MAX_ID_LENGTH} characters without control characters;
 * a duration of at least one 15-minute slot in whole seconds; power finite, at most
 * {@value #MAX_KW_PER_GPU} kW per GPU; release and deadline between {@link #EARLIEST} and {@link #LATEST}
 * (a job scheduler has no use for other years, and slot arithmetic stays in range); a project, when given,
 * of 1..{@value #MAX_PROJECT_LENGTH} characters of {@code [A-Za-z0-9._:-]}.
 */
public final class JobRequestValidator {

    public static final int MAX_ID_LENGTH = 200;
    public static final int MAX_PROJECT_LENGTH = 64;
    private static final java.util.regex.Pattern PROJECT = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,"
            + MAX_PROJECT_LENGTH + "}");
    public static final double MAX_KW_PER_GPU = 5;
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");
    private static final Duration SLOT = Horizon.QUARTER_HOUR;

    private final SiteModel site;

    public JobRequestValidator(SiteModel site) {
        this.site = site;
    }

    /**
     * For the JSON layer, which sees the number before it becomes an {@code Integer}: a GPU count must
     * be a whole number ({@code 1.5} is refused, not truncated).
     */
    public static Optional<String> wholeGpus(double raw) {
        return raw == Math.rint(raw) && Math.abs(raw) < Integer.MAX_VALUE ? Optional.empty()
                : Optional.of("gpus: must be a whole number, was " + raw);
    }

    public List<String> problems(JobRequest r) {
        List<String> out = new ArrayList<>();
        checkId(r.id(), out);
        if (r.gpus() == null || r.gpus() < 1 || r.gpus() > site.gpus()) {
            out.add("gpus: must be 1.." + site.gpus() + ", was " + r.gpus());
        }
        checkPower(r, out);
        checkDuration("duration", r.duration(), SLOT, out);
        checkTimes(r, out);
        if (r.priority() != null && (r.priority() < 1 || r.priority() > 10)) {
            out.add("priority: must be 1..10, was " + r.priority());
        }
        if (r.checkpoint() != null && !r.checkpoint().isZero()) {
            if (!r.preemptible()) {
                out.add("checkpoint: only preemptible jobs pause, was " + r.checkpoint());
            } else {
                checkDuration("checkpoint", r.checkpoint(), Duration.ofSeconds(1), out);
            }
        }
        if (r.project() != null && !PROJECT.matcher(r.project()).matches()) {
            out.add("project: must be 1.." + MAX_PROJECT_LENGTH + " characters of A-Z a-z 0-9 . _ : -, was "
                    + (r.project().length() > MAX_PROJECT_LENGTH ? r.project().length() + " characters"
                    : "'" + r.project().replaceAll("\\p{Cntrl}", "?") + "'"));
        }
        return out;
    }

    private static void checkId(String id, List<String> out) {
        if (id == null || id.isBlank()) {
            out.add("id: must not be blank");
        } else if (id.length() > MAX_ID_LENGTH) {
            out.add("id: must be at most " + MAX_ID_LENGTH + " characters, was " + id.length());
        } else if (id.chars().anyMatch(Character::isISOControl)) {
            out.add("id: must not contain control characters, was " + id.replaceAll("\\p{Cntrl}", "?"));
        }
    }

    private static void checkDuration(String field, Duration d, Duration least, List<String> out) {
        if (d == null || d.compareTo(least) < 0) {
            out.add(field + ": must be at least " + least + ", was " + d);
        } else if (d.getNano() != 0) {
            out.add(field + ": must be a whole number of seconds, was " + d);
        } else if (d.compareTo(Duration.between(EARLIEST, LATEST)) > 0) {
            out.add(field + ": must be at most " + Duration.between(EARLIEST, LATEST) + ", was " + d);
        }
    }

    private static void checkTimes(JobRequest r, List<String> out) {
        boolean release = inRange("release", r.release(), out);
        boolean deadline = inRange("deadline", r.deadline(), out);
        if (!release || !deadline) {
            return;
        }
        if (!r.deadline().isAfter(r.release())) {
            out.add("deadline: must be after release " + r.release() + ", was " + r.deadline());
        } else if (r.duration() != null && Duration.between(r.release(), r.deadline()).compareTo(r.duration()) < 0) {
            out.add("deadline: window " + Duration.between(r.release(), r.deadline()) + " is shorter than duration "
                    + r.duration());
        }
    }

    private static boolean inRange(String field, Instant t, List<String> out) {
        if (t == null) {
            out.add(field + ": required");
            return false;
        }
        if (t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
            out.add(field + ": must be between " + EARLIEST + " and " + LATEST + ", was " + t);
            return false;
        }
        return true;
    }

    private void checkPower(JobRequest r, List<String> out) {
        if (r.powerKwPerGpu() != null && r.totalPowerKw() != null) {
            out.add("power: give powerKwPerGpu or totalPowerKw, not both");
        }
        if (r.powerKwPerGpu() != null && !(r.powerKwPerGpu() >= 0 && r.powerKwPerGpu() <= MAX_KW_PER_GPU)) {
            out.add(String.format(Locale.ROOT, "powerKwPerGpu: must be 0..%s kW, was %s", MAX_KW_PER_GPU, r.powerKwPerGpu()));
        }
        int gpus = r.gpus() == null ? site.gpus() : Math.max(1, Math.min(r.gpus(), site.gpus()));
        double most = gpus * MAX_KW_PER_GPU;
        if (r.totalPowerKw() != null && !(r.totalPowerKw() >= 0 && r.totalPowerKw() <= most)) {
            out.add(String.format(Locale.ROOT, "totalPowerKw: must be 0..%s kW (%s kW per GPU), was %s", most,
                    MAX_KW_PER_GPU, r.totalPowerKw()));
        }
    }
}
