package io.kelvin.energyoptimizer.decompose;

/**
 * Work done so far against a budget of job sub-problem solves, and a wall-clock safety cap. The
 * search stops on work, never on time, so the same inputs give the same plan on any machine; the cap
 * only stops a solve that has run far too long, and then says so ({@link #cutByWallClock()}).
 */
final class Effort {

    private final long limit;
    private final long capNanos;
    private final long startNanos;
    private long used;
    private boolean cut;

    Effort(long jobSolves, java.time.Duration wallClockCap) {
        this.limit = jobSolves;
        this.startNanos = System.nanoTime();
        this.capNanos = wallClockCap.toNanos();
    }

    /** Counts {@code solves} job sub-problems solved. */
    void spend(long solves) {
        used += solves;
    }

    /** Whether the work budget is spent or the safety cap has passed. */
    boolean exhausted() {
        return exhausted(limit);
    }

    /** Whether {@code share} of the work budget (0..1) is spent, or the safety cap has passed. */
    boolean exhausted(double share) {
        return exhausted((long) (limit * share));
    }

    private boolean exhausted(long solves) {
        if (used >= solves) {
            return true;
        }
        if (!cut && System.nanoTime() - startNanos > capNanos) {
            cut = true;
        }
        return cut;
    }

    long used() {
        return used;
    }

    boolean cutByWallClock() {
        return cut;
    }

    long millis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
