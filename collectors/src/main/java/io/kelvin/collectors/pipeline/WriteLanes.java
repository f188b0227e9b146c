package io.kelvin.collectors.pipeline;

import io.kelvin.core.telemetry.Sample;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Up to {@code lanes} store writes running at once, each on its own thread, so the next batch is
 * encoded and sent while the store is still taking the previous one. {@link #trySubmit} waits a
 * little for a free lane; finished writes are collected with {@link #poll()} by the one thread that submits.
 */
final class WriteLanes implements AutoCloseable {

    /** A finished write. */
    record Done(List<Sample> batch, StoreAttempt.Outcome outcome) {
    }

    private final StoreAttempt attempt;
    private final int lanes;
    private final Semaphore free;
    private final ExecutorService threads;
    private final Queue<Done> done = new ConcurrentLinkedQueue<>();

    WriteLanes(StoreAttempt attempt, int lanes) {
        this.attempt = attempt;
        this.lanes = lanes;
        this.free = new Semaphore(lanes);
        AtomicInteger number = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(lanes, task -> Thread.ofPlatform()
                .name("kelvin-store-write-" + number.incrementAndGet()).daemon().unstarted(task));
    }

    /**
     * Starts writing the batch on a lane that is free or frees up within {@code wait}; false when
     * none does. The batch must not change afterwards.
     */
    boolean trySubmit(List<Sample> batch, Duration wait) throws InterruptedException {
        if (!free.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
            return false;
        }
        threads.execute(() -> {
            try {
                done.add(new Done(batch, attempt.write(batch)));
            } finally {
                free.release();
            }
        });
        return true;
    }

    /** The next finished write, or null. */
    Done poll() {
        return done.poll();
    }

    boolean idle() {
        return free.availablePermits() == lanes;
    }

    /** Waits until no write is running, at most {@code timeout}; true when none is. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        if (!free.tryAcquire(lanes, timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            return false;
        }
        free.release(lanes);
        return true;
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
