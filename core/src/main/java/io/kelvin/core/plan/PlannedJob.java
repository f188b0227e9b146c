package io.kelvin.core.plan;

import java.time.Instant;
import java.util.List;

/**
 * Where one plan puts one job: its first run slot's start ({@code null} when the plan could not
 * place it), the end of its last run slot, its run slots (relative to the plan's horizon start),
 * outcome (ON_TIME, LATE, MISSED, FIXED), slots late, and why: the explanation, the savings
 * against running it at its release (positive = the plan is better), and the constraint that
 * held it ({@code boundBy}).
 */
public record PlannedJob(String jobId, Instant start, Instant end, List<Integer> runSlots, String outcome,
                         int lateSlots, String explanation, double savedKwh, double savedEur, double savedKgCo2,
                         String boundBy) {

    public PlannedJob {
        runSlots = List.copyOf(runSlots);
    }
}
