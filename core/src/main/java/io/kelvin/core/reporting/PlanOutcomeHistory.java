package io.kelvin.core.reporting;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: what the optimizer's plans predicted for jobs that ran in a period, against a baseline and the meters. */
public interface PlanOutcomeHistory {

    /** Jobs that ran in {@code [from, to)}. */
    List<PlanOutcome> outcomes(Instant from, Instant to);

    /**
     * One job: energy planned and metered (kWh), cost (in the tariff's currency) and grid CO2 (kg) of
     * the plan and of the named baseline (e.g. run-immediately); {@code tenant} where jobs carry one.
     */
    record PlanOutcome(String jobId, Optional<String> tenant, double plannedKwh, double meteredKwh, double planCost,
                       double baselineCost, double planCo2Kg, double baselineCo2Kg, String baseline) {
    }
}
