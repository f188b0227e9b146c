package io.kelvin.core.plan;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Port to the plan history. Plans are only ever added: the store is the audit history of planning. */
public interface PlanStore {

    /**
     * Stores the plan, its jobs and {@code inputs} (the canonical text of the problem it solved, from which
     * it can be made again; may be null) and dispatches its first slot (the jobs it runs in slot 0, see
     * {@link JobRunStore}) in one transaction; returns it with its new id.
     */
    StoredPlan save(StoredPlan plan, String inputs);

    /** The stored inputs of a plan; empty when the plan is unknown or was stored without them. */
    Optional<String> inputs(long id);

    /** The newest plan with its slots and jobs. */
    Optional<StoredPlan> latest();

    Optional<StoredPlan> find(long id);

    /** The id of the newest plan (one number, no slots or jobs): what a view polls to learn that a plan is new. */
    OptionalLong latestId();

    /** The newest {@code limit} plans, newest first, without their slots. */
    List<StoredPlan> history(int limit);

    /** The job's place in the newest plan that has it. */
    Optional<Placement> latestFor(String jobId);
}
