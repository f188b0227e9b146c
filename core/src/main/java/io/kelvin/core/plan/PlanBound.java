package io.kelvin.core.plan;

/**
 * What the planner proved about a plan: a lower bound on the objective of every valid plan for the same inputs
 * ({@code lowerBoundEur}) and the plan's relative gap to it ({@code gap}: (objective - bound) / max(1, |objective|),
 * 0.012 = 1.2 %). A plan whose planner proves no bound (the heuristic fallback) has none.
 */
public record PlanBound(double lowerBoundEur, double gap) {

    public PlanBound {
        if (!Double.isFinite(lowerBoundEur)) {
            throw new IllegalArgumentException("lowerBoundEur: must be finite, was " + lowerBoundEur);
        }
        if (!(gap >= 0) || Double.isInfinite(gap)) {
            throw new IllegalArgumentException("gap: must be a finite fraction >= 0, was " + gap);
        }
    }

    /** The bound a solve reported, or null when it proved none (either value not finite). */
    public static PlanBound ofNullable(double lowerBoundEur, double gap) {
        return Double.isFinite(lowerBoundEur) && Double.isFinite(gap) && gap >= 0 ? new PlanBound(lowerBoundEur, gap)
                : null;
    }
}
