package io.kelvin.core.dr;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One action of the DR cap guard on the grid meter: when ({@code at}), what ({@link Kind}), for which events
 * (those whose import caps were in force; for a release once no cap is in force any more, the events the
 * released jobs were paused for), which jobs with the kW at the meter each is expected to save (a pause) or to
 * draw again (a release), the meter's mean import then ({@code meteredKw}; empty when it was not read) and the
 * cap in force then ({@code capKw}, the lowest of the events' import limits; empty when none is in force any more).
 */
public record GuardAction(Instant at, Kind action, List<EventRef> events, List<JobKw> jobs, OptionalDouble meteredKw,
                          OptionalDouble capKw) {

    public enum Kind { PAUSED, RELEASED }

    /** One job the action paused or let run again, and its kW at the meter (its IT power above idle, with cooling). */
    public record JobKw(String jobId, double kw) {

        public JobKw {
            Objects.requireNonNull(jobId, "jobId");
        }
    }

    public GuardAction {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(meteredKw, "meteredKw");
        Objects.requireNonNull(capKw, "capKw");
        events = List.copyOf(events);
        jobs = List.copyOf(jobs);
    }

    /** The jobs' ids in the action's order. */
    public List<String> jobIds() {
        return jobs.stream().map(JobKw::jobId).toList();
    }

    /** The kW at the meter all the action's jobs together are expected to save or draw again. */
    public double totalKw() {
        return jobs.stream().mapToDouble(JobKw::kw).sum();
    }

    /** Whether the action was taken for the event id. */
    public boolean concerns(String eventId) {
        return events.stream().anyMatch(e -> e.eventId().equals(eventId));
    }
}
