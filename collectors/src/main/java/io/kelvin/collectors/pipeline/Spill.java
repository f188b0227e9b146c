package io.kelvin.collectors.pipeline;

import io.kelvin.core.telemetry.Sample;
import java.util.List;

/**
 * Where {@link StoreWriter} parks batches the store could not take, oldest first. The writer
 * replays the head until the spill is empty; with one write in flight new batches go behind it
 * meanwhile, so the store receives samples in the order they were accepted. Used by one thread.
 */
interface Spill extends AutoCloseable {

    /** Appends the batch at the tail; false when there is no room (memory cap reached or disk full). */
    boolean append(List<Sample> batch);

    /** Why the last {@link #append} returned false, for health and logs. */
    String appendFailure();

    /** The oldest batch; only when not {@link #isEmpty()}. */
    List<Sample> head();

    /** Forgets the oldest batch, once the store has it. */
    void removeHead();

    boolean isEmpty();

    /** Samples held. */
    long samples();

    /** Samples dropped since open to make room for newer ones (the journal's size cap). */
    default long evicted() {
        return 0;
    }

    /** Whether what it holds survives a restart of the process. */
    boolean durable();

    @Override
    void close();
}
