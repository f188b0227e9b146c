package io.kelvin.energyoptimizer.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Run slots per job id, in a problem's slots (ascending per job); a job that is absent has no runs
 * (missed, or no previous plan for it). Ids iterate in sorted order, so whatever walks a
 * {@code JobRuns} does so in the same order on every machine and every run.
 */
public record JobRuns(SortedMap<String, List<Integer>> byJob) {

    private static final JobRuns NONE = new JobRuns(new TreeMap<>());

    public JobRuns {
        TreeMap<String, List<Integer>> copy = new TreeMap<>();
        byJob.forEach((id, slots) -> copy.put(id, List.copyOf(slots)));
        byJob = Collections.unmodifiableSortedMap(copy);
    }

    public static JobRuns none() {
        return NONE;
    }

    public static JobRuns of(Map<String, List<Integer>> runs) {
        return new JobRuns(new TreeMap<>(runs));
    }

    /** The runs of each schedule that runs at all. */
    public static JobRuns of(Plan plan) {
        TreeMap<String, List<Integer>> out = new TreeMap<>();
        plan.jobs().stream().filter(s -> !s.runSlots().isEmpty()).forEach(s -> out.put(s.jobId(), s.runSlots()));
        return new JobRuns(out);
    }

    public Optional<List<Integer>> get(String jobId) {
        return Optional.ofNullable(byJob.get(jobId));
    }

    /** The job's run slots, empty when it has none. */
    public List<Integer> slots(String jobId) {
        return byJob.getOrDefault(jobId, List.of());
    }

    public boolean isEmpty() {
        return byJob.isEmpty();
    }

    public void forEach(BiConsumer<String, List<Integer>> action) {
        byJob.forEach(action);
    }

    /** These runs {@code slots} later: slot s becomes s - slots; slots before 0 are dropped, as are jobs left without any. */
    public JobRuns shiftedBack(int slots) {
        TreeMap<String, List<Integer>> out = new TreeMap<>();
        byJob.forEach((id, runs) -> {
            List<Integer> moved = runs.stream().map(t -> t - slots).filter(t -> t >= 0).toList();
            if (!moved.isEmpty()) {
                out.put(id, moved);
            }
        });
        return new JobRuns(out);
    }
}
