package io.kelvin.energyoptimizer.scenario;

import io.kelvin.core.dr.DrDirective;
import io.kelvin.core.dr.DrSignal;
import io.kelvin.core.dr.EventRef;
import io.kelvin.core.plan.MeteredImport;
import io.kelvin.core.plan.MeteredWind;
import io.kelvin.core.plan.PlanOutcomeStore;
import io.kelvin.core.plan.PlannedJob;
import io.kelvin.core.plan.StoredJob;
import io.kelvin.core.plan.StoredPlan;
import io.kelvin.energyoptimizer.api.JobRequest;
import io.kelvin.energyoptimizer.app.AppPlanners;
import io.kelvin.energyoptimizer.app.ForecastSource;
import io.kelvin.energyoptimizer.app.PlanningService;
import io.kelvin.energyoptimizer.app.PlanningSettings;
import io.kelvin.energyoptimizer.check.CheckReport;
import io.kelvin.energyoptimizer.check.PlanChecker;
import io.kelvin.energyoptimizer.model.DrEvent;
import io.kelvin.energyoptimizer.model.Forecast;
import io.kelvin.energyoptimizer.model.Horizon;
import io.kelvin.energyoptimizer.model.Job;
import io.kelvin.energyoptimizer.model.JobRuns;
import io.kelvin.energyoptimizer.model.Plan;
import io.kelvin.energyoptimizer.model.PlanAssembler;
import io.kelvin.energyoptimizer.model.Schedules;
import io.kelvin.energyoptimizer.model.SolveInfo;
import io.kelvin.energyoptimizer.solve.OptimizingPlanner;
import io.kelvin.energyoptimizer.solve.Planner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays the scenario against one policy with the rolling horizon, planning through the app's own
 * {@link PlanningService} (its job, plan and run stores held in memory, {@link ReplayState}), so the benchmarks
 * measure what the app runs: each job is submitted in the slot it arrives (a re-plan follows in that slot, as
 * in the app), the service also re-plans every {@link Scenario#replanEverySlots()} slots, and the scenario's DR
 * events are the directives in force from the start. Slot 0 of the dispatched plan is executed, and the executed
 * slot's power is metered here (not taken from the plan). Every plan goes through the service's
 * {@link io.kelvin.energyoptimizer.check.PlanChecker}; a plan it rejects is replaced by the app's fallback
 * (greedy-window), and the result counts it.
 *
 * <p>Policies are compared on the same work served: after the metered window ({@code days + drainDays})
 * the run goes on until every submitted job has finished or been given up, to the end of the replay at most
 * ({@link Scenario#replaySlots()}: {@link Scenario#TAIL_SLOTS} more slots, or up to the latest deadline),
 * and each tail slot is charged only the extra import its jobs cause (its energy cost and emissions, not
 * the idle site's). A job that finishes late or never is a miss; work still left after the tail is
 * reported as unserved GPU-hours. The meter also records the jobs that ran in a DR slot whose import broke
 * the event's cap, so a baseline's met deadlines can be told apart from ones met only by breaking a cap.
 *
 * <p>With {@code urgentArrivalWindowSlots > 0} the optimizer's plans keep room for the urgent load
 * expected from the arrivals seen ({@link io.kelvin.energyoptimizer.replan.UrgentArrivals}); the baselines are the
 * simple policies they are named for and do not forecast. The optimizer plans a preemptible job due after the
 * horizon's end by its due work, as the app does ({@link PlanningSettings.JobFit#DUE_WORK}); the baselines keep
 * a job longer than the horizon running over its whole remainder ({@link PlanningSettings.JobFit#WHOLE_REMAINDER}).
 */
public final class ScenarioRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ScenarioRunner.class);
    private static final Duration SLOT = Duration.ofMinutes(15);

    private final Scenario data;

    public ScenarioRunner(Scenario scenario) {
        this.data = scenario;
    }

    public ScenarioResult run(Planner policy) {
        int every = data.replanEverySlots();
        int end = data.meteredSlots();
        SimClock clock = new SimClock(data.start());
        ReplayState state = new ReplayState();
        CountingPlanner fallback = new CountingPlanner(AppPlanners.fallback());
        List<Runnable> queued = new ArrayList<>();
        PlanningService service = new PlanningService(data.site(), data.cooling(), data.zone(), state, state, state,
                policy, fallback, settings(policy instanceof OptimizingPlanner), clock, this::forecast, queued::add,
                MeteredImport.none(), MeteredWind.none(), PlanOutcomeStore.none());
        if (!data.drEvents().isEmpty()) {
            service.replanFor(directives());
        }
        Meter meter = new Meter(data);
        Map<String, Job> byId = new HashMap<>();
        data.jobs().forEach(j -> byId.put(j.id(), j));
        Map<String, List<Integer>> executed = new TreeMap<>();
        Map<String, Integer> finishedAt = new HashMap<>();
        List<Long> millis = new ArrayList<>();
        int next = 0;
        int fallbacks = 0;
        long seenPlan = 0;
        int lastReplan = Integer.MIN_VALUE / 2;
        int last = data.replaySlots();
        for (int t = 0; t < end || (t < last && anyOpen(service, state, finishedAt)); t++) {
            while (next < data.jobs().size() && data.jobs().get(next).releaseSlot() <= t) {
                submit(service, data.jobs().get(next++));
            }
            if (!queued.isEmpty()) {
                List<Runnable> now = List.copyOf(queued);
                queued.clear();
                now.forEach(Runnable::run);
                lastReplan = t;
            } else if (t - lastReplan >= every) {
                service.replan("interval");
                lastReplan = t;
            }
            var plan = service.dispatchedPlan();
            if (plan.isPresent() && plan.get().id() != seenPlan) {
                seenPlan = plan.get().id();
                millis.add(plan.get().solveMillis());
                fallbacks += plan.get().fallback() ? 1 : 0;
            }
            List<String> ran = plan.map(p -> runningIn(p, clock.instant())).orElse(List.of());
            meter.slot(t, ran.stream().map(byId::get).toList(), t >= end);
            for (String id : ran) {
                List<Integer> log = executed.computeIfAbsent(id, k -> new ArrayList<>());
                log.add(t);
                Job j = byId.get(id);
                if (!finishedAt.containsKey(id)
                        && Schedules.workDone(j.preemptible(), j.checkpointSlots(), log) >= j.durationSlots()) {
                    finishedAt.put(id, t + 1);
                }
            }
            clock.advance(SLOT);
        }
        if (fallback.calls() > 0) {
            LOG.warn("{}: {} plans rejected by the plan checker, replaced by {}", policy.name(), fallback.calls(),
                    fallback.name());
        }
        Set<String> missed = new LinkedHashSet<>();
        double unservedGpuHours = 0;
        for (int i = 0; i < next; i++) {
            Job j = data.jobs().get(i);
            Integer done = finishedAt.get(j.id());
            if (done == null || done > j.deadlineSlot()) {
                missed.add(j.id());
            }
            if (done == null) {
                unservedGpuHours += 0.25 * j.gpus() * Math.max(0, j.durationSlots()
                        - executed.getOrDefault(j.id(), List.of()).size());
            }
        }
        millis.sort(null);
        // A job still running when the replay ends keeps its runs, as a job that spills past a horizon does in the
        // clairvoyant bound's problem (charged at the terminal rate); a pausable one that did not finish is missed.
        executed.keySet().removeIf(id -> !finishedAt.containsKey(id) && byId.get(id).preemptible());
        return meter.result(policy.name(), missed, next, unservedGpuHours, pct(millis, 0.5), pct(millis, 0.99),
                millis.size(), fallback.calls(), fallbacks, replayReport(JobRuns.of(executed)));
    }

    /** The app's settings for this replay; the tariff, flat carbon and ambient are unused (the forecast is given). */
    private PlanningSettings settings(boolean optimizer) {
        boolean keepRoom = optimizer && data.urgentWindowSlots() > 0;
        return new PlanningSettings(data.horizonSlots(), java.util.Collections.nCopies(24, 0.0), 0, 0,
                Duration.ZERO, data.maxLateSlots(), keepRoom ? SLOT.multipliedBy(data.urgentWindowSlots()) : Duration.ZERO,
                SLOT.multipliedBy(data.urgentSlackSlots()), data.weights(),
                optimizer ? PlanningSettings.JobFit.DUE_WORK : PlanningSettings.JobFit.WHOLE_REMAINDER);
    }

    /** The scenario's forecast over the horizon asked for. */
    private ForecastSource.PlanForecast forecast(Horizon horizon) {
        int from = slotOf(horizon.start());
        return new ForecastSource.PlanForecast(data.forecast().window(from, horizon.slots()), List.of());
    }

    private int slotOf(Instant t) {
        return (int) Math.floorDiv(Duration.between(data.start(), t).toSeconds(), SLOT.toSeconds());
    }

    private Instant instantOf(int slot) {
        return data.start().plus(SLOT.multipliedBy(slot));
    }

    /** Submits a job of the scenario as the app's API would; a job the app refuses stops the replay, naming it. */
    private void submit(PlanningService service, Job j) {
        JobRequest request = new JobRequest(j.id(), j.gpus(), null, j.powerKw(), SLOT.multipliedBy(j.durationSlots()),
                instantOf(j.releaseSlot()), instantOf(j.deadlineSlot()), j.priority(), j.preemptible(),
                j.preemptible() && j.checkpointSlots() > 0 ? SLOT.multipliedBy(j.checkpointSlots()) : null);
        try {
            service.submit(request);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(data.name() + ": job " + j.id() + " is refused as the app refuses it: "
                    + e.getMessage(), e);
        }
    }

    /** The scenario's DR events as the directives in force, each one import cap. */
    private List<DrDirective> directives() {
        List<DrDirective> out = new ArrayList<>();
        for (DrEvent e : data.drEvents()) {
            EventRef ref = new EventRef("scenario", e.id(), data.start());
            Instant from = instantOf(e.fromSlot());
            Instant to = instantOf(e.toSlot());
            out.add(new DrDirective(ref, e.id(), 0, from, to, List.of(new DrSignal.CapLimit(ref, from, to,
                    DrSignal.Direction.IMPORT, e.capKw(), e.hard(), "IMPORT_CAPACITY_LIMIT")), List.of()));
        }
        return out;
    }

    /** The jobs the plan runs in the slot starting at {@code at}. */
    private static List<String> runningIn(StoredPlan plan, Instant at) {
        long since = Duration.between(plan.horizonStart(), at).toSeconds();
        long slotSeconds = plan.slotMinutes() * 60L;
        if (since < 0 || since % slotSeconds != 0) {
            return List.of();
        }
        int t = (int) (since / slotSeconds);
        return plan.jobs().stream().filter(j -> j.runSlots().contains(t)).map(PlannedJob::jobId).sorted().toList();
    }

    /** Whether a submitted job is still open: not finished here, and not given up by the app's rule. */
    private static boolean anyOpen(PlanningService service, ReplayState state, Map<String, Integer> finishedAt) {
        for (StoredJob j : state.all()) {
            if (!finishedAt.containsKey(j.spec().id()) && service.progress(j).open()) {
                return true;
            }
        }
        return false;
    }

    /** A planner that counts how often it was asked: the fallback, asked when the policy's plan was not used. */
    private static final class CountingPlanner implements Planner {
        private final Planner delegate;
        private int calls;

        CountingPlanner(Planner delegate) {
            this.delegate = delegate;
        }

        int calls() {
            return calls;
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public Plan plan(io.kelvin.energyoptimizer.model.Problem problem, JobRuns previous) {
            calls++;
            return delegate.plan(problem, previous);
        }
    }

    /**
     * The objective of what ran, over the whole replay as one problem ({@link Scenario#wholeReplay}),
     * recomputed by the independent checker: the figure policies and the clairvoyant bound are compared on.
     * A job that never started, or a pausable one that never finished, counts as missed.
     */
    private CheckReport replayReport(JobRuns executed) {
        var whole = data.wholeReplay();
        Plan replay = PlanAssembler.assemble(whole, executed, SolveInfo.heuristic("replay", 0));
        return new PlanChecker().check(whole, replay);
    }

    private static long pct(List<Long> sorted, double q) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }

    /** Meters executed slots: the site's physics applied to the jobs that actually ran. */
    private static final class Meter {
        private final Scenario ctx;
        private final List<DrEvent> events;
        private double cost, kg, renewable, selfUsed, peak, tailGpuHours, tailCost, tailKg;
        private int drSlots, drOk;
        private final Set<String> capBreakingJobs = new LinkedHashSet<>();

        Meter(Scenario scenario) {
            this.ctx = scenario;
            this.events = scenario.drEvents();
        }

        /** In a tail slot only the difference the running jobs make to import and export is charged. */
        void slot(int t, List<Job> running, boolean tail) {
            double h = 0.25;
            double base = ctx.site().idleKw() + ctx.forecast().unscheduledItKw(t);
            double it = base;
            for (Job j : running) {
                it += j.deltaKw(ctx.site().idleKwPerGpu());
                tailGpuHours += tail ? h * j.gpus() : 0;
            }
            double[] withJobs = eurAndKg(t, it);
            if (tail) {
                double[] idle = eurAndKg(t, base);
                cost += withJobs[0] - idle[0];
                tailCost += withJobs[0] - idle[0];
                kg += withJobs[1] - idle[1];
                tailKg += withJobs[1] - idle[1];
                return;
            }
            Forecast f = ctx.forecast();
            double facility = it + ctx.cooling().coolingKw(it, f.ambientC()[t]);
            double ren = f.renewableKw(t);
            double imp = Math.max(0, facility - ren);
            cost += withJobs[0];
            kg += withJobs[1];
            renewable += h * ren;
            selfUsed += h * Math.min(ren, facility);
            peak = Math.max(peak, imp);
            for (DrEvent e : events) {
                if (e.covers(t)) {
                    drSlots++;
                    if (imp <= e.capKw() + 0.5) {
                        drOk++;
                    } else {
                        running.forEach(j -> capBreakingJobs.add(j.id()));
                    }
                }
            }
        }

        /** Energy cost (import less feed-in, EUR) and grid emissions (kg) of a slot at this IT power. */
        private double[] eurAndKg(int t, double itKw) {
            Forecast f = ctx.forecast();
            double facility = itKw + ctx.cooling().coolingKw(itKw, f.ambientC()[t]);
            double ren = f.renewableKw(t);
            double imp = Math.max(0, facility - ren);
            double exp = ctx.site().exportAllowed() ? Math.max(0, ren - facility) : 0;
            double h = 0.25;
            return new double[] {h * (imp * f.priceEurPerKwh()[t] - exp * ctx.weights().feedInEurPerKwh()),
                    h * imp * f.carbonGPerKwh()[t] / 1000.0};
        }

        ScenarioResult result(String policy, Set<String> missed, int jobs, double unservedGpuHours, long p50, long p99,
                              int plans, int rejected, int fallbacks, CheckReport replay) {
            return new ScenarioResult(policy, cost, kg, renewable == 0 ? 0 : 100 * selfUsed / renewable, peak, missed,
                    jobs, drSlots == 0 ? 100 : 100.0 * drOk / drSlots, tailGpuHours, tailCost, tailKg, unservedGpuHours,
                    p50, p99, plans, rejected, fallbacks, capBreakingJobs, replay.recomputedObjectiveEur(), replay.terms());
        }
    }
}
