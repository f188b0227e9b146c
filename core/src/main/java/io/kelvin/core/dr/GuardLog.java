package io.kelvin.core.dr;

import java.util.List;

/**
 * Port to where the DR cap guard's actions are kept (energy-optimizer's {@code app.CapGuard} records; the JDBC
 * adapter lives in {@code state}, an in-memory one in energy-optimizer for tests and benches). Kept actions are
 * never changed.
 */
public interface GuardLog {

    /** Keeps {@code action}. */
    void record(GuardAction action);

    /** Every action taken for the event id (see {@link GuardAction#events()}), oldest first. */
    List<GuardAction> forEvent(String eventId);
}
