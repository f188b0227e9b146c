package io.kelvin.web.overview;

import io.kelvin.core.plan.JobSpec;
import io.kelvin.core.plan.PlanInput;
import io.kelvin.core.plan.PlannedJob;
import io.kelvin.core.plan.PlannedSlot;
import io.kelvin.core.plan.StoredJob;
import io.kelvin.core.plan.StoredPlan;
import io.kelvin.energyoptimizer.app.JobProgress;
import io.kelvin.energyoptimizer.app.NoSuchEntryException;
import io.kelvin.energyoptimizer.app.PlanHorizon;
import io.kelvin.energyoptimizer.app.PlanningService;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the plan view shows of the newest plan, joined for display: the plan record itself, its horizon slot by
 * slot (the plan's slots with the PV band of the forecast it was given; the jobs' power, DR caps and the IT load
 * Kelvin does not schedule from the problem it solved, all read from the store) and every job with its state.
 * Nothing here is computed anew: the numbers are the planner's and the forecast's; gaps (unknown values, e.g. the PV
 * band of a plan stored before bands were kept) are {@code null}.
 */
public final class PlanScreen {

    /** How a job stands, from its progress so far and its place in the plan. */
    public enum JobState {
        PLANNED, RUNNING, PAUSED, LATE, MISSED, FINISHED, CANCELLED;

        static JobState of(boolean cancelled, JobProgress.State progress, String outcome) {
            if (cancelled) {
                return CANCELLED;
            }
            return switch (progress) {
                case RUNNING -> RUNNING;
                case PAUSED -> PAUSED;
                case FINISHED -> FINISHED;
                case EXPIRED -> MISSED;
                case PENDING -> switch (outcome) {
                    case "MISSED" -> MISSED;
                    case "LATE" -> LATE;
                    default -> PLANNED;
                };
            };
        }
    }

    /**
     * The horizon: slot starts and, per slot, kW of IT load Kelvin does not schedule (as the plan counted it, beyond
     * the cluster's idle draw), of the plan's
     * jobs and of all IT as planned, PV and wind as planned each with the forecast's P10 and P90, carbon intensity
     * (gCO2/kWh), import price (EUR/kWh) and the DR import cap in force.
     */
    public record Horizon(List<Instant> starts, int slotMinutes, List<Double> unscheduledKw, List<Double> jobsKw,
                          List<Double> itKw, List<Double> pvKw, List<Double> pvP10Kw, List<Double> pvP90Kw,
                          List<Double> windKw, List<Double> windP10Kw, List<Double> windP90Kw,
                          List<Double> carbonGPerKwh, List<Double> priceEurPerKwh,
                          List<Double> drCapKw) {
    }

    /** One row of the Gantt: the job, its window as submitted, its place in the plan and why, and its project (or null). */
    public record JobRow(String jobId, JobState state, String outcome, int gpus, Double powerKw, Instant release,
                         Instant deadline, List<Integer> runSlots, Instant start, Instant end, String explanation,
                         String boundBy, String project) {
    }

    /** The newest plan for display, with its inputs that were fallbacks or not fresh. */
    public record Shown(StoredPlan plan, Horizon horizon, List<JobRow> jobs, List<PlanInput> flaggedInputs) {
    }

    /** Kept at most this long: a cancelled job's state shows within it even when no new plan follows. */
    static final Duration KEPT = Duration.ofSeconds(30);

    /** What was shown for a plan: job states change with a new plan, a new quarter hour or a cancellation. */
    private record Cached(long planId, long slot, Instant at, Shown shown) {
    }

    private final PlanningService planning;
    private final InstantSource clock;
    private volatile Optional<PlanHorizon> lastHorizon = Optional.empty();
    private volatile Cached last;

    public PlanScreen(PlanningService planning, InstantSource clock) {
        this.planning = planning;
        this.clock = clock;
    }

    /**
     * The newest plan, or empty before the first plan. Every open view asks every few seconds: each ask reads only
     * the newest plan's id, and the answer is kept (the same instance) while that id and the current quarter hour
     * stay the same, for at most {@link #KEPT}; a new plan is read once, and its stored problem once.
     */
    public Optional<Shown> current() {
        OptionalLong newest = planning.latestPlanId();
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        long slot = Math.floorDiv(now.getEpochSecond(), Duration.ofMinutes(15).toSeconds());
        Cached cached = last;
        if (cached != null && cached.planId() == newest.getAsLong() && cached.slot() == slot
                && now.isBefore(cached.at().plus(KEPT))) {
            return Optional.of(cached.shown());
        }
        StoredPlan plan;
        try {
            plan = planning.plan(newest.getAsLong());
        } catch (NoSuchEntryException gone) {
            return Optional.empty();
        }
        Shown shown = shown(plan);
        last = new Cached(plan.id(), slot, now, shown);
        return Optional.of(shown);
    }

    private Shown shown(StoredPlan plan) {
        Optional<PlanHorizon> horizon = horizonOf(plan);
        List<PlanInput> flagged = plan.inputs().stream()
                .filter(i -> i.fallback() || i.freshness() != PlanInput.Freshness.FRESH).toList();
        return new Shown(plan, horizon(plan, horizon), jobs(plan, horizon), flagged);
    }

    /** Read from the stored problem once per plan. */
    private Optional<PlanHorizon> horizonOf(StoredPlan plan) {
        Optional<PlanHorizon> last = lastHorizon;
        if (last.isPresent() && last.get().planId() == plan.id()) {
            return last;
        }
        Optional<PlanHorizon> read = planning.horizon(plan);
        lastHorizon = read;
        return read;
    }

    private static Horizon horizon(StoredPlan plan, Optional<PlanHorizon> h) {
        List<PlannedSlot> slots = plan.slots();
        int n = slots.size();
        double[] jobs = h.filter(x -> x.slots() == n).map(PlanHorizon::jobsKw).orElse(null);
        double[] caps = h.filter(x -> x.slots() == n).map(PlanHorizon::drCapKw).orElse(null);
        double[] unscheduled = h.filter(x -> x.slots() == n).map(PlanHorizon::unscheduledKw).orElse(null);
        List<Instant> starts = new ArrayList<>(n);
        List<Double> unscheduledKw = new ArrayList<>(n);
        List<Double> jobsKw = new ArrayList<>(n);
        List<Double> itKw = new ArrayList<>(n);
        List<Double> pvKw = new ArrayList<>(n);
        List<Double> pvP10 = new ArrayList<>(n);
        List<Double> pvP90 = new ArrayList<>(n);
        List<Double> windKw = new ArrayList<>(n);
        List<Double> windP10 = new ArrayList<>(n);
        List<Double> windP90 = new ArrayList<>(n);
        List<Double> carbon = new ArrayList<>(n);
        List<Double> price = new ArrayList<>(n);
        List<Double> capKw = new ArrayList<>(n);
        for (int t = 0; t < n; t++) {
            PlannedSlot s = slots.get(t);
            starts.add(s.start());
            unscheduledKw.add(at(unscheduled, t));
            jobsKw.add(at(jobs, t));
            itKw.add(finite(s.itKw()));
            pvKw.add(finite(s.pvKw()));
            pvP10.add(s.pvP10Kw() == null ? null : finite(s.pvP10Kw()));
            pvP90.add(s.pvP90Kw() == null ? null : finite(s.pvP90Kw()));
            windKw.add(finite(s.windKw()));
            windP10.add(s.windP10Kw() == null ? null : finite(s.windP10Kw()));
            windP90.add(s.windP90Kw() == null ? null : finite(s.windP90Kw()));
            carbon.add(finite(s.carbonGPerKwh()));
            price.add(finite(s.priceEurPerKwh()));
            capKw.add(at(caps, t));
        }
        return new Horizon(starts, plan.slotMinutes(), unscheduledKw, jobsKw, itKw, pvKw, pvP10, pvP90, windKw, windP10,
                windP90, carbon, price, capKw);
    }

    private List<JobRow> jobs(StoredPlan plan, Optional<PlanHorizon> horizon) {
        List<JobRow> rows = new ArrayList<>();
        for (PlannedJob j : plan.jobs()) {
            Optional<StoredJob> stored;
            try {
                stored = Optional.of(planning.job(j.jobId()));
            } catch (NoSuchEntryException gone) {
                stored = Optional.empty();
            }
            JobState state = stored.map(s -> JobState.of(s.cancelled(), planning.progress(s).state(), j.outcome()))
                    .orElse(JobState.of(false, JobProgress.State.PENDING, j.outcome()));
            JobSpec spec = stored.map(StoredJob::spec).orElse(null);
            Double kw = horizon.map(h -> h.jobKw().get(j.jobId())).orElse(null);
            rows.add(new JobRow(j.jobId(), state, j.outcome(), spec == null ? 0 : spec.gpus(), kw,
                    spec == null ? null : spec.release(), spec == null ? null : spec.deadline(), j.runSlots(), j.start(),
                    j.end(), j.explanation(), j.boundBy(), spec == null ? null : spec.project()));
        }
        return rows;
    }

    private static Double at(double[] values, int t) {
        return values == null || t >= values.length ? null : finite(values[t]);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
