package io.kelvin.energyoptimizer.scenario;

import io.kelvin.core.plan.JobRunStore;
import io.kelvin.core.plan.JobStore;
import io.kelvin.core.plan.Placement;
import io.kelvin.core.plan.PlanStore;
import io.kelvin.core.plan.PlannedJob;
import io.kelvin.core.plan.StoredJob;
import io.kelvin.core.plan.StoredPlan;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The app's job, plan and run stores held in memory for one replay, answering as the state module's JDBC adapters
 * do (the same order, the same rules: a plan saved dispatches its first slot, a slot dispatched again is replaced,
 * a cancelled job is no candidate), so a replay plans through the app's {@code PlanningService} unchanged. It keeps
 * only the newest plan and its inputs, all a replay asks for: {@link #history} gives at most that one and
 * {@link #find} and {@link #inputs} know no older id. Not thread-safe: a replay runs on one thread.
 */
final class ReplayState implements JobStore, PlanStore, JobRunStore {

    /** The JDBC adapters' order of jobs: by submission, then id. */
    private static final java.util.Comparator<StoredJob> ORDER =
            java.util.Comparator.comparing(StoredJob::submittedAt).thenComparing(j -> j.spec().id());

    /** Jobs as submitted. */
    private final Map<String, StoredJob> jobs = new LinkedHashMap<>();
    private final Map<String, TreeSet<Instant>> runsByJob = new HashMap<>();
    private final TreeMap<Instant, List<String>> runsBySlot = new TreeMap<>();
    private StoredPlan latest;
    private String latestInputs;
    private long nextId = 1;

    // --- JobStore

    @Override
    public boolean insert(StoredJob job) {
        return jobs.putIfAbsent(job.spec().id(), job) == null;
    }

    @Override
    public Optional<StoredJob> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    @Override
    public List<StoredJob> all() {
        return jobs.values().stream().sorted(ORDER).toList();
    }

    @Override
    public List<StoredJob> submittedSince(Instant since) {
        return jobs.values().stream().filter(j -> !j.submittedAt().isBefore(since)).sorted(ORDER).toList();
    }

    @Override
    public List<StoredJob> candidates(Instant deadlineAfter, Instant ranSince) {
        return jobs.values().stream().filter(j -> !j.cancelled() && (j.spec().deadline().isAfter(deadlineAfter)
                || ranSince(j.spec().id(), ranSince))).sorted(ORDER).toList();
    }

    private boolean ranSince(String id, Instant since) {
        TreeSet<Instant> runs = runsByJob.get(id);
        return runs != null && runs.ceiling(since) != null;
    }

    @Override
    public boolean cancel(String id, Instant at) {
        StoredJob j = jobs.get(id);
        if (j == null || j.cancelled()) {
            return false;
        }
        jobs.put(id, new StoredJob(j.spec(), j.submittedAt(), at));
        return true;
    }

    // --- PlanStore

    @Override
    public StoredPlan save(StoredPlan plan, String inputs) {
        StoredPlan saved = plan.withId(nextId++);
        latest = saved;
        latestInputs = inputs;
        dispatch(saved.id(), Map.of(saved.horizonStart(),
                saved.jobs().stream().filter(j -> j.runSlots().contains(0)).map(PlannedJob::jobId).toList()));
        return saved;
    }

    @Override
    public Optional<String> inputs(long id) {
        return latest != null && latest.id() == id ? Optional.ofNullable(latestInputs) : Optional.empty();
    }

    @Override
    public Optional<StoredPlan> latest() {
        return Optional.ofNullable(latest);
    }

    @Override
    public Optional<StoredPlan> find(long id) {
        return latest != null && latest.id() == id ? Optional.of(latest) : Optional.empty();
    }

    @Override
    public OptionalLong latestId() {
        return latest == null ? OptionalLong.empty() : OptionalLong.of(latest.id());
    }

    @Override
    public List<StoredPlan> history(int limit) {
        return latest == null || limit < 1 ? List.of() : List.of(latest);
    }

    @Override
    public Optional<Placement> latestFor(String jobId) {
        return latest == null ? Optional.empty() : latest.jobs().stream().filter(j -> j.jobId().equals(jobId))
                .findFirst().map(j -> new Placement(latest.id(), j));
    }

    // --- JobRunStore

    @Override
    public Map<String, List<Instant>> runsOf(Collection<String> jobIds) {
        Map<String, List<Instant>> out = new HashMap<>();
        for (String id : jobIds) {
            TreeSet<Instant> runs = runsByJob.get(id);
            if (runs != null && !runs.isEmpty()) {
                out.put(id, List.copyOf(runs));
            }
        }
        return out;
    }

    @Override
    public SortedMap<Instant, List<String>> runsBetween(Instant from, Instant to) {
        SortedMap<Instant, List<String>> out = new TreeMap<>();
        if (!from.isBefore(to)) {
            return out;
        }
        runsBySlot.subMap(from, to).forEach((slot, ids) -> {
            if (!ids.isEmpty()) {
                out.put(slot, ids.stream().sorted().toList());
            }
        });
        return out;
    }

    @Override
    public void dispatch(long planId, Map<Instant, List<String>> jobsBySlotStart) {
        for (var e : new TreeMap<>(jobsBySlotStart).entrySet()) {
            List<String> before = runsBySlot.put(e.getKey(), List.copyOf(e.getValue()));
            if (before != null) {
                before.forEach(id -> runsByJob.get(id).remove(e.getKey()));
            }
            e.getValue().forEach(id -> runsByJob.computeIfAbsent(id, k -> new TreeSet<>()).add(e.getKey()));
        }
    }
}
