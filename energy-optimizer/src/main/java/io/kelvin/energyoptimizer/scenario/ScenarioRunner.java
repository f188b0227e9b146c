package io.kelvin.energyoptimizer.scenario;

import io.kelvin.energyoptimizer.check.CheckReport;
import io.kelvin.energyoptimizer.check.PlanChecker;
import io.kelvin.energyoptimizer.model.DrEvent;
import io.kelvin.energyoptimizer.model.Forecast;
import io.kelvin.energyoptimizer.model.Job;
import io.kelvin.energyoptimizer.model.JobRuns;
import io.kelvin.energyoptimizer.model.Plan;
import io.kelvin.energyoptimizer.model.PlanAssembler;
import io.kelvin.energyoptimizer.model.SolveInfo;
import io.kelvin.energyoptimizer.replan.PlanningContext;
import io.kelvin.energyoptimizer.replan.Replanner;
import io.kelvin.energyoptimizer.replan.UrgentArrivals;
import io.kelvin.energyoptimizer.solve.OptimizingPlanner;
import io.kelvin.energyoptimizer.solve.Planner;
import java.time.Duration;
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
 * Replays the scenario against one policy with the rolling horizon: new jobs are handed to the
 * {@link Replanner} at re-plan ticks, slot 0 of the current plan is executed, and the executed
 * slot's power is metered here (not taken from the plan). Every plan goes through the
 * {@link PlanChecker}.
 *
 * <p>Policies are compared on the same work served: after the metered window ({@code days + drainDays})
 * the run goes on until every submitted job has finished, to the end of the replay at most
 * ({@link Scenario#replaySlots()}: {@link Scenario#TAIL_SLOTS} more slots, or up to the latest deadline),
 * and each tail slot is charged only the extra import its jobs cause (its energy cost and emissions, not
 * the idle site's). A job that finishes late or never is a miss; work still left after the tail is
 * reported as unserved GPU-hours. The meter also records the jobs that ran in a DR slot whose import broke
 * the event's cap, so a baseline's met deadlines can be told apart from ones met only by breaking a cap.
 *
 * <p>With {@code urgentArrivalWindowSlots > 0} the optimizer's re-planner keeps room for the urgent load
 * expected from the arrivals it has seen ({@link UrgentArrivals}); the baselines are the simple policies
 * they are named for and do not forecast. The optimizer's re-planner also plans a preemptible job due after
 * the horizon's end by its due work ({@link Replanner#planOnlyDueWork()}); the baselines' keep a job longer than
 * the horizon running over its whole remainder.
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
        PlanningContext ctx = new PlanningContext(data.start(), SLOT, data.horizonSlots(), SLOT.multipliedBy(every),
                data.site(), data.cooling(), data.weights(), data.maxLateSlots(), data.forecast(), data.zone());
        Replanner replanner = new Replanner(policy, clock, ctx);
        if (data.urgentWindowSlots() > 0 && policy instanceof OptimizingPlanner) {
            replanner.keepRoomForUrgentArrivals(new UrgentArrivals(data.urgentWindowSlots(), data.urgentSlackSlots()));
        }
        if (policy instanceof OptimizingPlanner) {
            replanner.planOnlyDueWork();
        }
        data.drEvents().forEach(replanner::addDrEvent);
        Meter meter = new Meter(ctx, data.drEvents());
        Map<String, Job> byId = new HashMap<>();
        data.jobs().forEach(j -> byId.put(j.id(), j));
        Map<String, List<Integer>> executed = new TreeMap<>();
        Map<String, Integer> finishedAt = new HashMap<>();
        Map<String, Integer> servedSlots = new HashMap<>();
        List<Long> millis = new ArrayList<>();
        int next = 0;
        int rejected = 0;
        int fallbacks = 0;
        PlanChecker checker = new PlanChecker();
        int last = data.replaySlots();
        for (int t = 0; t < end || (t < last && replanner.pendingJobs() > 0); t++) {
            while (next < data.jobs().size() && data.jobs().get(next).releaseSlot() <= t) {
                replanner.submit(data.jobs().get(next++));
            }
            var planned = replanner.replanIfDue();
            if (planned.isPresent()) {
                Plan plan = planned.get();
                millis.add(plan.info().millis());
                fallbacks += plan.info().fallbackReason().isPresent() ? 1 : 0;
                CheckReport report = checker.check(replanner.problemAt(t), plan);
                if (!report.ok()) {
                    rejected++;
                    LOG.warn("{} slot {}: checker rejected plan: {}", policy.name(), t, report.violations());
                }
            }
            Set<String> ran = replanner.runningNow();
            meter.slot(t, ran.stream().map(byId::get).toList(), t >= end);
            ran.forEach(id -> servedSlots.merge(id, 1, Integer::sum));
            int slot = t;
            ran.forEach(id -> executed.computeIfAbsent(id, k -> new ArrayList<>()).add(slot));
            replanner.advance(ran).forEach(id -> finishedAt.put(id, slot + 1));
            clock.advance(SLOT);
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
                unservedGpuHours += 0.25 * j.gpus() * Math.max(0, j.durationSlots() - servedSlots.getOrDefault(j.id(), 0));
            }
        }
        millis.sort(null);
        // A job still running when the replay ends keeps its runs, as a job that spills past a horizon does in the
        // clairvoyant bound's problem (charged at the terminal rate); a pausable one that did not finish is missed.
        executed.keySet().removeIf(id -> !finishedAt.containsKey(id) && byId.get(id).preemptible());
        return meter.result(policy.name(), missed, next, unservedGpuHours, pct(millis, 0.5), pct(millis, 0.99),
                millis.size(), rejected, fallbacks, replayReport(JobRuns.of(executed)));
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
        private final PlanningContext ctx;
        private final List<DrEvent> events;
        private double cost, kg, renewable, selfUsed, peak, tailGpuHours, tailCost, tailKg;
        private int drSlots, drOk;
        private final Set<String> capBreakingJobs = new LinkedHashSet<>();

        Meter(PlanningContext ctx, List<DrEvent> events) {
            this.ctx = ctx;
            this.events = events;
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
