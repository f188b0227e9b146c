package io.kelvin.core.dr;

import java.util.List;

/**
 * What the running planner offers demand response: plan again with the directives now in force, and say
 * whether their caps can be kept. Implemented by the application's one planning path; called by the
 * demand-response lifecycle when an event arrives, changes, is cancelled or is opted out of.
 */
public interface DrPlanning {

    /**
     * Re-plans with {@code directives} (the whole set in force, replacing any earlier set; an empty list
     * removes every DR cap) and returns once the new plan is stored. Never throws for a plan that cannot
     * keep a cap: that is reported in the outcome.
     */
    DrPlanOutcome replanFor(List<DrDirective> directives);
}
