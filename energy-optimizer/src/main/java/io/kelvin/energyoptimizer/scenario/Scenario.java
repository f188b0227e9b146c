package io.kelvin.energyoptimizer.scenario;

import io.kelvin.energyoptimizer.model.CoolingModel;
import io.kelvin.energyoptimizer.model.DrEvent;
import io.kelvin.energyoptimizer.model.ExpectedLoad;
import io.kelvin.energyoptimizer.model.Forecast;
import io.kelvin.energyoptimizer.model.Horizon;
import io.kelvin.energyoptimizer.model.Job;
import io.kelvin.energyoptimizer.model.Problem;
import io.kelvin.energyoptimizer.model.SiteModel;
import io.kelvin.energyoptimizer.model.Weights;
import io.kelvin.energyoptimizer.solve.SolverSettings;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A replay, read from a scenario file ({@link ScenarioFile}): jobs, forecasts and DR events in absolute
 * 15-minute slots from {@code start} (slot 0); jobs arrive over {@code days}, the run goes on for
 * {@code drainDays} more (metered) and then until every job has finished, for at most {@link #TAIL_SLOTS}
 * more or up to the latest deadline, whichever is later (charged only for what the jobs add). The forecast covers every slot the run and its last
 * horizon can reach. {@code urgentWindowSlots} 0 = the optimizer keeps no room for urgent arrivals. {@code notes}: what
 * reading the file left out on purpose (rows of the trace a format marks as not known, say), for people.
 */
public record Scenario(String name, Instant start, ZoneId zone, int days, int drainDays, int horizonSlots,
                       int replanEverySlots, SiteModel site, CoolingModel cooling, List<Job> jobs, Forecast forecast,
                       List<DrEvent> drEvents, Weights weights, int maxLateSlots, int urgentWindowSlots,
                       int urgentSlackSlots, SolverSettings solver, List<String> notes) {

    /** Slots the run may go on after the metered window so that late work still runs and is charged. */
    public static final int TAIL_SLOTS = 96;
    static final int SLOTS_PER_DAY = 96;

    public Scenario {
        jobs = List.copyOf(jobs);
        drEvents = List.copyOf(drEvents);
        notes = List.copyOf(notes);
    }

    /** Slots metered in full: arrivals plus drain. */
    public int meteredSlots() {
        return (days + drainDays) * SLOTS_PER_DAY;
    }

    /**
     * Slots of the whole replay: the metered window and the tail, which reaches at least every job's deadline,
     * so a job whose deadline lies past {@link #TAIL_SLOTS} is never counted missed before its deadline.
     */
    public int replaySlots() {
        return replaySlots(days, drainDays, jobs);
    }

    static int replaySlots(int days, int drainDays, List<Job> jobs) {
        int latestDeadline = jobs.stream().mapToInt(Job::deadlineSlot).max().orElse(0);
        return Math.max((days + drainDays) * SLOTS_PER_DAY + TAIL_SLOTS, latestDeadline);
    }

    /** Slots the forecast must cover: the whole replay and one more horizon. */
    public int forecastSlots() {
        return replaySlots() + horizonSlots;
    }

    /** Share of the jobs' GPU-hours in deferrable jobs (priority 1). */
    public double deferrableShare() {
        double all = 0;
        double flex = 0;
        for (Job j : jobs) {
            double gpuSlots = (double) j.gpus() * j.durationSlots();
            all += gpuSlots;
            flex += j.priority() == 1 ? gpuSlots : 0;
        }
        return all == 0 ? 0 : flex / all;
    }

    /** GPU-hours the jobs ask for over the site's GPU-hours in the arrival window. */
    public double loadShare() {
        double gpuSlots = jobs.stream().mapToDouble(j -> (double) j.gpus() * j.durationSlots()).sum();
        return gpuSlots / ((double) site.gpus() * days * SLOTS_PER_DAY);
    }

    /**
     * The whole replay as one problem with every job known from the start: the metered window plus the
     * tail ({@link #replaySlots()}), lateness allowed up to the end (a late run is charged lateness, never dropped). Policies'
     * executed runs are scored on it by the independent checker, and its lower bound is the clairvoyant
     * bound no policy can beat.
     */
    public Problem wholeReplay() {
        int slots = replaySlots();
        return new Problem(Horizon.quarterHours(start, slots), site, cooling, forecast.window(0, slots), drEvents, jobs,
                weights, slots, ExpectedLoad.none(), zone);
    }
}
