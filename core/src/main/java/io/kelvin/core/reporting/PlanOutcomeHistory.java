package io.kelvin.core.reporting;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Port: what the optimizer's plans predicted for jobs that ran in a period, against a baseline and the runs. */
public interface PlanOutcomeHistory {

    /** Jobs that ran in {@code [from, to)}, by job id. */
    List<PlanOutcome> outcomes(Instant from, Instant to);

    /**
     * One job over the period: the slots it ran in the period ({@code slotsRun}); the energy (kWh of IT above idle),
     * cost (EUR) and grid CO2 (kg) the plans that dispatched those slots predicted for them; the energy attributed
     * to it from those runs at its power ({@code meteredKwh}); and the named baseline's (e.g. run-immediately)
     * energy, cost and CO2 for the same share of the job's work; {@code project} where the job carries one.
     */
    record PlanOutcome(String jobId, Optional<String> project, int slotsRun, double plannedKwh, double meteredKwh,
                       double planCost, double planCo2Kg, double baselineKwh, double baselineCost,
                       double baselineCo2Kg, String baseline) {

        public PlanOutcome {
            Objects.requireNonNull(jobId, "jobId");
            Objects.requireNonNull(project, "project");
            Objects.requireNonNull(baseline, "baseline");
        }
    }
}
