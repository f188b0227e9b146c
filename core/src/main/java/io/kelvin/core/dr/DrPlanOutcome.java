package io.kelvin.core.dr;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The plan made for a set of DR directives: which stored plan, how long the re-plan took from the call,
 * and for each event whose caps the plan cannot keep with every job on time, the shortfall.
 */
public record DrPlanOutcome(long planId, Duration replanTime, List<Shortfall> shortfalls) {

    public DrPlanOutcome {
        Objects.requireNonNull(replanTime, "replanTime");
        shortfalls = List.copyOf(shortfalls);
    }

    /**
     * One event the plan cannot serve in full: over {@code [from, to)} the planned import exceeds the cap by
     * up to {@code peakKw} and {@code excessKwh} in all, or keeping the cap makes {@code jobsMissed} late
     * ({@code proven} when the over-subscription check shows no plan could do better).
     */
    public record Shortfall(EventRef event, Instant from, Instant to, double peakKw, double excessKwh,
                            List<String> jobsMissed, boolean proven) {

        public Shortfall {
            Objects.requireNonNull(event, "event");
            jobsMissed = List.copyOf(jobsMissed);
        }
    }

    public boolean capsKept() {
        return shortfalls.isEmpty();
    }
}
