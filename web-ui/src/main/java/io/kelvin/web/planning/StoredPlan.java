package io.kelvin.web.planning;

import java.time.Instant;
import java.util.List;

/**
 * A plan as stored for audit: when and why it was made, by which planner with which solver status,
 * whether the heuristic fallback was used and why, its predicted costs, the plan checker's notes,
 * its slots (empty in history listings) and every job's place and explanation. {@code id} is 0
 * until stored.
 */
public record StoredPlan(long id, Instant createdAt, String reason, String planner, String solverStatus,
                         boolean fallback, String fallbackReason, boolean drRelaxed, long solveMillis,
                         Instant horizonStart, int slotMinutes, PlanCosts predicted, List<String> checkNotes,
                         List<PlannedSlot> slots, List<PlannedJob> jobs) {

    public StoredPlan {
        checkNotes = List.copyOf(checkNotes);
        slots = List.copyOf(slots);
        jobs = List.copyOf(jobs);
    }

    public StoredPlan withId(long newId) {
        return new StoredPlan(newId, createdAt, reason, planner, solverStatus, fallback, fallbackReason, drRelaxed,
                solveMillis, horizonStart, slotMinutes, predicted, checkNotes, slots, jobs);
    }

    public StoredPlan withoutSlots() {
        return new StoredPlan(id, createdAt, reason, planner, solverStatus, fallback, fallbackReason, drRelaxed,
                solveMillis, horizonStart, slotMinutes, predicted, checkNotes, List.of(), jobs);
    }
}
