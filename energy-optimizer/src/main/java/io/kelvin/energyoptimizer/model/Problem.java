package io.kelvin.energyoptimizer.model;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * One planning problem: the horizon, the site, its cooling, per-slot forecasts, DR events and jobs
 * (slots relative to the horizon start), the objective weights, how many slots past its deadline a
 * job may still be scheduled (later than that it is reported missed), the load expected from jobs
 * not yet submitted, which plans keep room for (none unless a re-planner forecasts it), and the site's
 * time zone, in which explanations show times (UTC unless given). {@link ProblemCodec} writes it in a
 * canonical, versioned form with a stable SHA-256, so a plan's inputs can be stored and re-run.
 */
public record Problem(Horizon horizon, SiteModel site, CoolingModel cooling, Forecast forecast,
                      List<DrEvent> drEvents, List<Job> jobs, Weights weights, int maxLateSlots,
                      ExpectedLoad expectedLoad, ZoneId zone) {

    public Problem(Horizon horizon, SiteModel site, CoolingModel cooling, Forecast forecast, List<DrEvent> drEvents,
                   List<Job> jobs, Weights weights, int maxLateSlots) {
        this(horizon, site, cooling, forecast, drEvents, jobs, weights, maxLateSlots, ExpectedLoad.none());
    }

    public Problem(Horizon horizon, SiteModel site, CoolingModel cooling, Forecast forecast, List<DrEvent> drEvents,
                   List<Job> jobs, Weights weights, int maxLateSlots, ExpectedLoad expectedLoad) {
        this(horizon, site, cooling, forecast, drEvents, jobs, weights, maxLateSlots, expectedLoad, ZoneOffset.UTC);
    }

    public Problem {
        if (forecast.slots() < horizon.slots()) {
            throw new IllegalArgumentException("forecast has " + forecast.slots() + " slots, horizon needs "
                    + horizon.slots());
        }
        drEvents = List.copyOf(drEvents);
        expectedLoad = expectedLoad == null ? ExpectedLoad.none() : expectedLoad;
        jobs = List.copyOf(jobs);
        zone = zone == null ? ZoneOffset.UTC : zone;
    }

    public int slots() {
        return horizon.slots();
    }

    public Problem withJobs(List<Job> newJobs) {
        return new Problem(horizon, site, cooling, forecast, drEvents, newJobs, weights, maxLateSlots,
                ExpectedLoad.none(), zone).keeping(expectedLoad);
    }

    public Problem withDrEvents(List<DrEvent> events) {
        return new Problem(horizon, site, cooling, forecast, events, jobs, weights, maxLateSlots,
                ExpectedLoad.none(), zone).keeping(expectedLoad);
    }

    public Problem withSite(SiteModel newSite) {
        return new Problem(horizon, newSite, cooling, forecast, drEvents, jobs, weights, maxLateSlots,
                ExpectedLoad.none(), zone).keeping(expectedLoad);
    }

    /** This problem with explanations in the site's time zone. */
    public Problem withZone(ZoneId siteZone) {
        return new Problem(horizon, site, cooling, forecast, drEvents, jobs, weights, maxLateSlots, expectedLoad,
                siteZone);
    }

    /** This problem keeping room for {@code load}, scaled down where the fixed load leaves less. */
    public Problem withExpectedLoad(ExpectedLoad load) {
        return withExpectedLoad(load, Integer.MIN_VALUE);
    }

    /**
     * As {@link #withExpectedLoad(ExpectedLoad)}, the load also giving way to the submitted jobs with at
     * most {@code urgentSlackSlots} of slack ({@link ExpectedLoad#fittedTo}).
     */
    public Problem withExpectedLoad(ExpectedLoad load, int urgentSlackSlots) {
        Problem without = new Problem(horizon, site, cooling, forecast, drEvents, jobs, weights, maxLateSlots,
                ExpectedLoad.none(), zone);
        return new Problem(horizon, site, cooling, forecast, drEvents, jobs, weights, maxLateSlots,
                load.fittedTo(without, urgentSlackSlots), zone);
    }

    /** GPUs no plan can free in a slot: those of fixed (running, not pausable) jobs and the expected load. */
    public int unmovableGpus(int slot) {
        int gpus = expectedLoad.gpus(slot);
        for (Job j : jobs) {
            gpus += j.fixed() && slot < j.durationSlots() ? j.gpus() : 0;
        }
        return gpus;
    }

    /**
     * IT kW above the cluster's idle draw no plan can remove in a slot: the IT load Kelvin does not schedule,
     * that of fixed jobs and the expected load.
     */
    public double unmovableDeltaKw(int slot) {
        double kw = forecast.unscheduledItKw(slot) + expectedLoad.deltaKw(slot);
        for (Job j : jobs) {
            kw += j.fixed() && slot < j.durationSlots() ? j.deltaKw(site.idleKwPerGpu()) : 0;
        }
        return kw;
    }

    private Problem keeping(ExpectedLoad load) {
        return load.isNone() ? this : withExpectedLoad(load);
    }

    /**
     * What a kWh of IT work that spills past the horizon's end is charged, EUR: the horizon's mean of
     * (price + carbon price x intensity) x (1 + the cooling fraction at that slot's ambient). Without it,
     * work past the end would be free, and a job longer than what is left of the horizon would be started
     * as late as its deadline allows, whatever the prices; with it, the part inside the horizon goes where it
     * is cheap. The mean (not the cheapest slots) keeps the charge neutral about the future.
     */
    public double terminalEurPerKwh() {
        double sum = 0;
        for (int t = 0; t < slots(); t++) {
            double fraction = cooling.baseFraction() + cooling.fractionPerDegree()
                    * Math.max(0, forecast.ambientC()[t] - cooling.freeCoolingBelowC());
            sum += (forecast.priceEurPerKwh()[t] + weights.carbonEurPerTonne() * forecast.carbonGPerKwh()[t] / 1e6)
                    * (1 + fraction);
        }
        return sum / slots();
    }

    /** The terminal charge of one slot of a job's work past the horizon's end, EUR. */
    public double terminalEurPerSlot(Job job) {
        return job.deltaKw(site.idleKwPerGpu()) * horizon.slotHours() * terminalEurPerKwh();
    }

    /** The tightest DR cap at a slot, if any event covers it. */
    public java.util.OptionalDouble drCapKw(int slot) {
        return drEvents.stream().filter(e -> e.covers(slot)).mapToDouble(DrEvent::capKw).min();
    }
}
