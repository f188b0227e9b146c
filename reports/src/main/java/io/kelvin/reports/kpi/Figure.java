package io.kelvin.reports.kpi;

import java.util.List;

/**
 * One KPI over one span, with the coverage of every meter behind it. A figure is either a value,
 * marked {@link Completeness#BELOW_THRESHOLD} when any of its meters is covered less than the
 * report's threshold, or unavailable with the reason (no meter of a role, nothing measured, a zero
 * denominator, no emission factor).
 */
public sealed interface Figure permits Figure.Value, Figure.Unavailable {

    Kpi kpi();

    List<MeterCoverage> coverage();

    /** The lowest coverage of the meters behind the figure, 0..1; 0 when it has none. */
    default double worstCoverage() {
        return coverage().stream().mapToDouble(MeterCoverage::share).min().orElse(0);
    }

    record Value(Kpi kpi, double value, List<MeterCoverage> coverage, Completeness completeness) implements Figure {
        public Value {
            coverage = List.copyOf(coverage);
        }
    }

    record Unavailable(Kpi kpi, String reason, List<MeterCoverage> coverage) implements Figure {
        public Unavailable {
            coverage = List.copyOf(coverage);
        }
    }
}
