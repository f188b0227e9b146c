package io.kelvin.core.plan;

import java.util.Objects;

/**
 * What one stored plan predicts for one job, next to the same problem planned run-immediately (every job as
 * soon as it fits, in arrival order): the job's IT power above idle ({@code kwAboveIdle}), and for each plan
 * its run slots in the horizon, the IT energy above idle those slots draw (kWh), and the grid import cost
 * (EUR, import at price plus carbon price less feed-in) and grid CO2 (kg) attributed to the job: the site's
 * flows with the job in its slots less the flows without it, the rest of that plan unchanged; the EUR also
 * counts the job's work past the horizon's end at the plan's terminal rate (the horizon's mean cost of a kWh).
 */
public record PlanJobOutcome(String jobId, double kwAboveIdle, int plannedSlots, double plannedKwh,
                             double plannedEur, double plannedKgCo2, int baselineSlots, double baselineKwh,
                             double baselineEur, double baselineKgCo2) {

    public PlanJobOutcome {
        Objects.requireNonNull(jobId, "jobId");
        if (plannedSlots < 0 || baselineSlots < 0) {
            throw new IllegalArgumentException("slots must not be negative: " + plannedSlots + ", " + baselineSlots);
        }
    }
}
