package io.kelvin.energyoptimizer.model;

import java.util.List;

/**
 * One planning problem: the horizon, the site, its cooling, per-slot forecasts, DR events and jobs
 * (slots relative to the horizon start), the objective weights, and how many slots past its
 * deadline a job may still be scheduled (later than that it is reported missed).
 */
public record Problem(Horizon horizon, SiteModel site, CoolingModel cooling, Forecast forecast,
                      List<DrEvent> drEvents, List<Job> jobs, Weights weights, int maxLateSlots) {

    public Problem {
        if (forecast.slots() < horizon.slots()) {
            throw new IllegalArgumentException("forecast has " + forecast.slots() + " slots, horizon needs "
                    + horizon.slots());
        }
        drEvents = List.copyOf(drEvents);
        jobs = List.copyOf(jobs);
    }

    public int slots() {
        return horizon.slots();
    }

    public Problem withJobs(List<Job> newJobs) {
        return new Problem(horizon, site, cooling, forecast, drEvents, newJobs, weights, maxLateSlots);
    }

    public Problem withDrEvents(List<DrEvent> events) {
        return new Problem(horizon, site, cooling, forecast, events, jobs, weights, maxLateSlots);
    }

    public Problem withSite(SiteModel newSite) {
        return new Problem(horizon, newSite, cooling, forecast, drEvents, jobs, weights, maxLateSlots);
    }

    /** The tightest DR cap at a slot, if any event covers it. */
    public java.util.OptionalDouble drCapKw(int slot) {
        return drEvents.stream().filter(e -> e.covers(slot)).mapToDouble(DrEvent::capKw).min();
    }
}
