package io.kelvin.core.plan;

import java.util.List;

/**
 * Port to each stored plan's per-job predictions against run-immediately ({@link PlanJobOutcome}), kept when the
 * plan is stored and read by the auditors' savings report. Only ever added to.
 */
public interface PlanOutcomeStore {

    /** Stores the figures of plan {@code planId} (one per job, ids unique), in one transaction. */
    void save(long planId, List<PlanJobOutcome> outcomes);

    /** The figures stored for plan {@code planId}, by job id; empty when none were. */
    List<PlanJobOutcome> of(long planId);

    /** Whether this store keeps anything (when not, nobody need work the figures out). */
    default boolean keeps() {
        return true;
    }

    /** Keeps nothing: plans are made without per-job savings figures. */
    static PlanOutcomeStore none() {
        return new PlanOutcomeStore() {
            @Override
            public void save(long planId, List<PlanJobOutcome> outcomes) {
            }

            @Override
            public List<PlanJobOutcome> of(long planId) {
                return List.of();
            }

            @Override
            public boolean keeps() {
                return false;
            }
        };
    }
}
