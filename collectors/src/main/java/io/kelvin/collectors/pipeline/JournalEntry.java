package io.kelvin.collectors.pipeline;

import io.kelvin.core.telemetry.Sample;
import java.util.List;

/**
 * One journal record: where it is ({@code segment}, byte {@code offset}, total {@code length}),
 * how many samples it holds, and {@code cached}, the batch itself when this run appended it and the
 * cache had room, else null.
 */
record JournalEntry(long segment, long offset, int length, int samples, List<Sample> cached) {
}
