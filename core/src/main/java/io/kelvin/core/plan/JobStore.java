package io.kelvin.core.plan;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port to the submitted jobs. Ids are compared exactly. */
public interface JobStore {

    /** Adds the job; false (and nothing stored) when its id is taken. */
    boolean insert(StoredJob job);

    Optional<StoredJob> find(String id);

    /** Every job, oldest submission first. */
    List<StoredJob> all();

    /** Jobs submitted at or after {@code since}, oldest submission first. */
    List<StoredJob> submittedSince(Instant since);

    /**
     * Jobs a plan may still have to place, oldest submission first: those not cancelled whose deadline is
     * after {@code deadlineAfter} or that ran at or after {@code ranSince} (a started job finishes even
     * when late).
     */
    List<StoredJob> candidates(Instant deadlineAfter, Instant ranSince);

    /** Marks the job cancelled at {@code at}; false when it does not exist or was cancelled already. */
    boolean cancel(String id, Instant at);
}
