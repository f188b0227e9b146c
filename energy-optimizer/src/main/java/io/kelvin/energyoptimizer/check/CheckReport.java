package io.kelvin.energyoptimizer.check;

import java.util.List;

/**
 * The verdict on a plan: broken rules (empty = valid), notes on reported exceptions (relaxed DR
 * caps, missed deadlines), and the objective recomputed from scratch, EUR, with its terms.
 */
public record CheckReport(List<String> violations, List<String> notes, double recomputedObjectiveEur,
                          ObjectiveTerms terms) {

    public CheckReport {
        violations = List.copyOf(violations);
        notes = List.copyOf(notes);
    }

    public boolean ok() {
        return violations.isEmpty();
    }
}
