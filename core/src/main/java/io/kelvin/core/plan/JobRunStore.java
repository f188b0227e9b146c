package io.kelvin.core.plan;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Port to the record of which jobs were dispatched to run in which slot, and by which plan. A stored
 * plan's first slot is dispatched with the plan ({@link PlanStore#save}); slots that passed without a
 * new plan are recorded here as run by the plan that was in force.
 */
public interface JobRunStore {

    /** The run slot starts of these jobs, ascending per job; a job that never ran is absent. */
    Map<String, List<Instant>> runsOf(Collection<String> jobIds);

    /**
     * The jobs dispatched in each slot starting in {@code [from, to)}, by slot start ascending; a slot in which
     * nothing was dispatched is absent.
     */
    java.util.SortedMap<Instant, List<String>> runsBetween(Instant from, Instant to);

    /**
     * In one transaction, makes each given list exactly the jobs dispatched in the slot starting at its key,
     * recorded as dispatched by plan {@code planId}.
     */
    void dispatch(long planId, Map<Instant, List<String>> jobsBySlotStart);
}
