package io.kelvin.energyoptimizer.replan;

import io.kelvin.energyoptimizer.model.DrEvent;
import io.kelvin.energyoptimizer.model.Forecast;
import io.kelvin.energyoptimizer.model.Horizon;
import io.kelvin.energyoptimizer.model.ExpectedLoad;
import io.kelvin.energyoptimizer.model.Job;
import io.kelvin.energyoptimizer.model.JobRuns;
import io.kelvin.energyoptimizer.model.JobSchedule;
import io.kelvin.energyoptimizer.model.Plan;
import io.kelvin.energyoptimizer.model.Problem;
import io.kelvin.energyoptimizer.model.Schedules;
import io.kelvin.energyoptimizer.model.Weights;
import io.kelvin.energyoptimizer.solve.Planner;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Rolling-horizon re-planning. Jobs, DR events and forecasts are in absolute slots from the
 * context's epoch. A re-plan happens on a new job, forecast or DR event and whenever the re-plan
 * interval has passed ({@link #replanIfDue()}); the plan starts at the current slot, running
 * non-preemptible jobs are fixed, and the previous plan (shifted) is the warm start. A job that
 * can no longer finish by its deadline gets its deadline moved to the earliest possible end (its
 * miss is the caller's to count). A job that has not started and would by now cost more in lateness
 * than its miss ({@link JobExpiry}) is dropped at the next re-plan and reported by {@link #expired()}.
 * The caller executes slot 0 and reports it with {@link #advance}.
 * Optionally, plans keep room for urgent jobs expected to arrive ({@link UrgentArrivals}).
 */
public final class Replanner {

    private final Planner planner;
    private final InstantSource clock;
    private PlanningContext context;
    /** Each open job as submitted, and the absolute slots it ran in so far (its state now follows: {@link #now}). */
    private final Map<String, Job> submitted = new LinkedHashMap<>();
    private final Map<String, List<Integer>> ran = new LinkedHashMap<>();
    private final List<DrEvent> events = new ArrayList<>();
    private boolean dirty = true;
    private Instant lastPlanAt = Instant.MIN;
    private Plan plan;
    private int planSlot;
    private UrgentArrivals urgentArrivals;
    private final List<String> expired = new ArrayList<>();
    private boolean dueWorkOnly;

    public Replanner(Planner planner, InstantSource clock, PlanningContext context) {
        this.planner = planner;
        this.clock = clock;
        this.context = context;
    }

    /**
     * Plans from now on keep room for the urgent load {@code forecast} expects from jobs not yet
     * submitted; it learns from every job submitted after this call.
     */
    public void keepRoomForUrgentArrivals(UrgentArrivals forecast) {
        this.urgentArrivals = forecast;
        dirty = true;
    }

    /**
     * Plans from now on hold a preemptible job due after the horizon's end by its due work ({@link Job#dueWorkIn}):
     * it must do only the work that cannot wait past the horizon's end and may do more, so it can pause for urgent
     * jobs instead of holding its GPUs over its whole remainder.
     */
    public void planOnlyDueWork() {
        this.dueWorkOnly = true;
        dirty = true;
    }

    /** A new job (PENDING: its progress is counted from the slots it runs in here), slots absolute. */
    public void submit(Job job) {
        if (job.phase() != Job.Phase.PENDING) {
            throw new IllegalArgumentException("job " + job.id() + " is " + job.phase() + ": submit it before it runs");
        }
        if (urgentArrivals != null) {
            urgentArrivals.record(context.slotAt(clock.instant()), job);
        }
        submitted.put(job.id(), job);
        ran.put(job.id(), new ArrayList<>());
        dirty = true;
    }

    public void updateForecast(Forecast forecast) {
        context = context.withForecast(forecast);
        dirty = true;
    }

    /** A DR event, slots absolute. */
    public void addDrEvent(DrEvent event) {
        events.add(event);
        dirty = true;
    }

    /** Re-plans if something changed or the interval has passed; returns the new plan if it did. */
    public Optional<Plan> replanIfDue() {
        Instant now = clock.instant();
        if (!dirty && plan != null && now.isBefore(lastPlanAt.plus(context.replanEvery()))) {
            return Optional.empty();
        }
        int slot = context.slotAt(now);
        expireOverdue(slot);
        Problem problem = problemAt(slot);
        plan = planner.plan(problem, shiftedPrevious(slot));
        planSlot = slot;
        lastPlanAt = now;
        dirty = false;
        return Optional.of(plan);
    }

    /** Drops the jobs that have not started and that {@link JobExpiry} gives up on. */
    private void expireOverdue(int slot) {
        Weights w = context.weights();
        double hours = context.slotLength().toMinutes() / 60.0;
        for (Job j : List.copyOf(submitted.values())) {
            if (JobExpiry.expired(now(j, slot), slot, w, hours)) {
                forget(j.id());
                expired.add(j.id());
                dirty = true;
            }
        }
    }

    /** Ids of the jobs dropped so far because running them would cost more than missing them, in order. */
    public List<String> expired() {
        return List.copyOf(expired);
    }

    /** The problem the last re-plan solved is rebuilt on demand for checking. */
    public Problem problemAt(int slot) {
        int n = context.horizonSlots();
        List<Job> relative = submitted.values().stream().map(j -> relative(now(j, slot), slot, n, dueWorkOnly)).toList();
        List<DrEvent> dr = events.stream().map(e -> e.shifted(slot)).filter(e -> e.toSlot() > 0 && e.fromSlot() < n)
                .toList();
        Problem problem = new Problem(new Horizon(context.epoch().plus(context.slotLength().multipliedBy(slot)), n,
                context.slotLength()), context.site(), context.cooling(), context.forecast().window(slot, n), dr,
                relative, context.weights(), context.maxLateSlots(), ExpectedLoad.none(), context.zone());
        return urgentArrivals == null ? problem : urgentArrivals.keepingRoomIn(problem, slot);
    }

    /**
     * The job in the horizon's slots, as the horizon can plan it ({@link Job#fittedTo}); with {@code dueWorkOnly}
     * ({@link #planOnlyDueWork()}) a pausable job due after the horizon's end by its due work
     * ({@link Job#dueWorkIn}).
     */
    private static Job relative(Job j, int slot, int horizonSlots, boolean dueWorkOnly) {
        int deadline = Math.max(j.deadlineSlot() - slot, j.durationSlots());
        int release = Math.max(0, j.releaseSlot() - slot);
        Job inFrame = new Job(j.id(), j.gpus(), j.powerKw(), j.durationSlots(), release, deadline,
                j.priority(), j.preemptible(), j.checkpointSlots(), j.phase());
        return dueWorkOnly ? inFrame.dueWorkIn(horizonSlots) : inFrame.fittedTo(horizonSlots);
    }

    private JobRuns shiftedPrevious(int slot) {
        return plan == null ? JobRuns.none() : JobRuns.of(plan).shiftedBack(slot - planSlot);
    }

    /** Jobs the current plan runs in the current slot. */
    public Set<String> runningNow() {
        int offset = context.slotAt(clock.instant()) - planSlot;
        return plan.jobs().stream().filter(s -> s.runsIn(offset)).map(JobSchedule::jobId)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /**
     * Records that {@code ranNow} ran in the current slot; returns the ids of jobs that finished (their work done by the
     * app's rule, {@link Schedules#workDone}).
     */
    public List<String> advance(Set<String> ranNow) {
        int slot = context.slotAt(clock.instant());
        List<String> finished = new ArrayList<>();
        for (Job job : List.copyOf(submitted.values())) {
            if (ranNow.contains(job.id())) {
                ran.get(job.id()).add(slot);
                if (workLeft(job) <= 0) {
                    forget(job.id());
                    finished.add(job.id());
                }
            }
        }
        return finished;
    }

    /**
     * The job as it stands at the start of {@code slot}, from the slots it ran in before: its work left by
     * {@link Schedules#workDone} (a checkpoint paid on every resume, a job that may not pause starting again when its
     * run was broken off), RUNNING if it ran in the slot before, PAUSED if a pausable job ran earlier, else PENDING.
     */
    private Job now(Job job, int slot) {
        List<Integer> log = ran.get(job.id());
        Job.Phase phase = !log.isEmpty() && log.getLast() == slot - 1 ? Job.Phase.RUNNING
                : log.isEmpty() || !job.preemptible() ? Job.Phase.PENDING : Job.Phase.PAUSED;
        return new Job(job.id(), job.gpus(), job.powerKw(), workLeft(job), job.releaseSlot(), job.deadlineSlot(),
                job.priority(), job.preemptible(), job.checkpointSlots(), phase);
    }

    private int workLeft(Job job) {
        return job.durationSlots() - Schedules.workDone(job.preemptible(), job.checkpointSlots(), ran.get(job.id()));
    }

    private void forget(String id) {
        submitted.remove(id);
        ran.remove(id);
    }

    public Optional<Plan> currentPlan() {
        return Optional.ofNullable(plan);
    }

    public int planSlot() {
        return planSlot;
    }

    public int pendingJobs() {
        return submitted.size();
    }
}
