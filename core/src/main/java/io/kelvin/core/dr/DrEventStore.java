package io.kelvin.core.dr;

import java.util.List;
import java.util.Optional;

/**
 * Port to where demand-response lifecycle state is kept (the JDBC adapter lives with the app's
 * persistence; tests use {@code InMemoryDrEventStore} of green-power). {@link #record} stores the new
 * status and its transition together: a reader never sees one without the other. The caps an event
 * asked for are kept too ({@link #recordCaps}), for the auditors' demand-response performance report.
 */
public interface DrEventStore {

    /** The newest status kept for the event id (any version), if any. */
    Optional<DrEventStatus> find(String eventId);

    /** Stores {@code status} (replacing the event's previous one) and appends {@code transition}. */
    void record(DrEventStatus status, DrTransition transition);

    /** Appends a transition that changed nothing (a refused step), for the audit trail. */
    void refused(DrTransition transition);

    /** Every event's newest status, oldest received first. */
    List<DrEventStatus> all();

    /** Every transition of the event id, oldest first. */
    List<DrTransition> history(String eventId);

    /**
     * Keeps the capacity limits the event version {@code ref} asks for (replacing any kept for the event
     * id), so what was requested can be reported after the event is let go.
     */
    void recordCaps(EventRef ref, List<DrSignal.CapLimit> caps);

    /** The capacity limits kept for the event id (its newest version's), oldest first. */
    List<DrSignal.CapLimit> caps(String eventId);
}
