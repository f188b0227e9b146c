package io.kelvin.energyoptimizer.model;

import java.util.List;

/**
 * Where a job runs: its run slots inside the horizon (ascending), {@code endSlot} = exclusive end of
 * its last run slot (may lie past the horizon for a job longer than what is left of it), the
 * outcome, how many slots late it ends, and an explanation.
 */
public record JobSchedule(String jobId, List<Integer> runSlots, int endSlot, Outcome outcome, int lateSlots,
                          Explanation explanation) {

    public enum Outcome { ON_TIME, LATE, MISSED, FIXED }

    public JobSchedule {
        runSlots = List.copyOf(runSlots);
    }

    public boolean runsIn(int slot) {
        return runSlots.contains(slot);
    }

    public int firstSlot() {
        return runSlots.isEmpty() ? -1 : runSlots.get(0);
    }

    public JobSchedule withExplanation(Explanation e) {
        return new JobSchedule(jobId, runSlots, endSlot, outcome, lateSlots, e);
    }
}
