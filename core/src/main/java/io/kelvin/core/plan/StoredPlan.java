package io.kelvin.core.plan;

import java.time.Instant;
import java.util.List;

/**
 * A plan as stored for audit: when and why it was made, by which planner with which {@link SolverStatus},
 * whether the heuristic fallback was used and why, its predicted costs, the plan checker's notes,
 * its slots (empty in history listings) and every job's place and explanation. {@code id} is 0
 * until stored. {@code inputHash}: SHA-256 of the canonical form of the problem it solved, so two plans
 * made from the same inputs can be recognised (null for plans stored before hashes were kept);
 * {@code workUsed}: the solver work the plan took; {@code cutByWallClock}: whether the wall-clock safety
 * cap stopped the solve early (then the same inputs may give another plan); {@code inputs}: which
 * forecast inputs it used and how fresh each was (empty for plans stored before these were kept);
 * {@code bound}: the lower bound the planner proved and the plan's gap to it (null when it proved none, e.g. the
 * heuristic fallback, and for plans stored before these were kept).
 */
public record StoredPlan(long id, Instant createdAt, String reason, String planner, SolverStatus solverStatus,
                         boolean fallback, String fallbackReason, boolean drRelaxed, long solveMillis,
                         Instant horizonStart, int slotMinutes, PlanCosts predicted, List<String> checkNotes,
                         List<PlannedSlot> slots, List<PlannedJob> jobs, String inputHash, long workUsed,
                         boolean cutByWallClock, List<PlanInput> inputs, PlanBound bound) {

    public StoredPlan {
        java.util.Objects.requireNonNull(solverStatus, "solverStatus");
        checkNotes = List.copyOf(checkNotes);
        slots = List.copyOf(slots);
        jobs = List.copyOf(jobs);
        inputs = List.copyOf(inputs);
    }

    public StoredPlan withId(long newId) {
        return new StoredPlan(newId, createdAt, reason, planner, solverStatus, fallback, fallbackReason, drRelaxed,
                solveMillis, horizonStart, slotMinutes, predicted, checkNotes, slots, jobs, inputHash, workUsed,
                cutByWallClock, inputs, bound);
    }

    public StoredPlan withoutSlots() {
        return withSlotsAndJobs(List.of(), jobs);
    }

    public StoredPlan withSlotsAndJobs(List<PlannedSlot> newSlots, List<PlannedJob> newJobs) {
        return new StoredPlan(id, createdAt, reason, planner, solverStatus, fallback, fallbackReason, drRelaxed,
                solveMillis, horizonStart, slotMinutes, predicted, checkNotes, newSlots, newJobs, inputHash, workUsed,
                cutByWallClock, inputs, bound);
    }
}
