package io.kelvin.energyoptimizer.model;

import java.util.List;
import java.util.Optional;

/** A schedule for every job of a problem, the per-slot power it implies, its costs and provenance. */
public record Plan(List<JobSchedule> jobs, List<SlotFlow> slots, Costs costs, SolveInfo info) {

    public Plan {
        jobs = List.copyOf(jobs);
        slots = List.copyOf(slots);
    }

    public double objectiveEur() {
        return costs.totalEur();
    }

    public Optional<JobSchedule> job(String id) {
        return jobs.stream().filter(j -> j.jobId().equals(id)).findFirst();
    }

    public long count(JobSchedule.Outcome outcome) {
        return jobs.stream().filter(j -> j.outcome() == outcome).count();
    }

    public double peakImportKw() {
        return slots.stream().mapToDouble(SlotFlow::importKw).max().orElse(0);
    }
}
