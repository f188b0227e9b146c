package io.kelvin.collectors.pipeline;

import io.kelvin.core.telemetry.Sample;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** A spill in memory, bounded by a number of samples; lost on restart. For writers without a journal. */
final class MemorySpill implements Spill {

    private final Deque<List<Sample>> batches = new ArrayDeque<>();
    private final long capacity;
    private long samples;

    MemorySpill(long capacity) {
        this.capacity = capacity;
    }

    @Override
    public boolean append(List<Sample> batch) {
        if (samples + batch.size() > capacity) {
            return false;
        }
        batches.addLast(List.copyOf(batch));
        samples += batch.size();
        return true;
    }

    @Override
    public String appendFailure() {
        return "the memory spill is full (" + capacity + " samples)";
    }

    @Override
    public List<Sample> head() {
        return batches.getFirst();
    }

    @Override
    public void removeHead() {
        samples -= batches.removeFirst().size();
    }

    @Override
    public boolean isEmpty() {
        return batches.isEmpty();
    }

    @Override
    public long samples() {
        return samples;
    }

    @Override
    public boolean durable() {
        return false;
    }

    @Override
    public void close() {
        batches.clear();
        samples = 0;
    }
}
