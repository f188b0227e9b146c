package io.kelvin.energyoptimizer.bench;

import io.kelvin.energyoptimizer.baseline.GreedyWindowPlanner;
import io.kelvin.energyoptimizer.baseline.RunImmediatelyPlanner;
import io.kelvin.energyoptimizer.check.DrOversubscription;
import io.kelvin.energyoptimizer.check.PlanChecker;
import io.kelvin.energyoptimizer.model.DrEvent;
import io.kelvin.energyoptimizer.model.JobRuns;
import io.kelvin.energyoptimizer.model.JobSchedule;
import io.kelvin.energyoptimizer.solve.WorkBudget;
import io.kelvin.energyoptimizer.model.Plan;
import io.kelvin.energyoptimizer.model.Problem;
import io.kelvin.energyoptimizer.ortools.OrToolsMilpSolver;
import io.kelvin.energyoptimizer.solve.OptimizingPlanner;
import io.kelvin.energyoptimizer.solve.SolverSettings;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code OptimizeBench [--jobs=100,400,800,1600] [--solvers=CBC,SCIP] [--limits=tight,moderate] [--work=N]
 * [--dr-work=1000000] [--time=10] [--dr-time=5] [--gap=0.01] [--workers=2] [--seed=1]}: one line per (jobs,
 * limit, solver) with wall and CPU time, status, final gap (also on the controllable part: the objective less
 * that of running no job), objective against both baselines, the checker's verdict and the work used, then a
 * re-plan after a DR event (warm-started, bounded by {@code --dr-work} job solves), saying when the event's cap
 * cannot hold every job on time whatever the plan ({@link DrOversubscription}). Solves stop on work;
 * {@code --time} and {@code --dr-time} are the wall-clock safety caps, and a line says when one cut a solve.
 * CPU time is the planning thread's: on a machine shared with other builds it is the figure to compare.
 * Tight = 9,000 kW import, moderate = 12,000 kW.
 */
public final class OptimizeBench {

    /** The planning thread's CPU time: on a machine shared with other builds, wall time says little. */
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private OptimizeBench() {
    }

    public static void main(String[] args) {
        Map<String, String> o = new HashMap<>(Map.of("jobs", "100,400,800,1600", "solvers", "CBC,SCIP,CP_SAT",
                "limits", "tight,moderate", "time", "10", "gap", "0.01", "workers", "2", "seed", "1", "dr-time", "5",
                "work", String.valueOf(WorkBudget.standard(Duration.ofSeconds(1)).jobSolves()), "dr-work", "1000000"));
        for (String a : args) {
            String[] kv = a.replaceFirst("^--", "").split("=", 2);
            o.put(kv[0], kv[1]);
        }
        OrToolsMilpSolver solver = new OrToolsMilpSolver();
        for (String jobs : o.get("jobs").split(",")) {
            for (String limit : o.get("limits").split(",")) {
                Problem p = BenchInstances.instance(Integer.parseInt(jobs), limit.equals("tight") ? 9000 : 12000,
                        Long.parseLong(o.get("seed")));
                Plan fifo = new RunImmediatelyPlanner().plan(p, JobRuns.none());
                Plan greedy = new GreedyWindowPlanner().plan(p, JobRuns.none());
                for (String s : o.get("solvers").split(",")) {
                    SolverSettings settings = new SolverSettings(SolverSettings.Backend.valueOf(s),
                            Duration.ofMillis((long) (Double.parseDouble(o.get("time")) * 1000)),
                            Double.parseDouble(o.get("gap")), Integer.parseInt(o.get("workers")));
                    settings = settings.withWork(settings.work().withJobSolves(Long.parseLong(o.get("work"))));
                    SolverSettings drSettings = settings.withTimeLimit(
                            Duration.ofMillis((long) (Double.parseDouble(o.get("dr-time")) * 1000)));
                    drSettings = drSettings.withWork(drSettings.work().withJobSolves(Long.parseLong(o.get("dr-work"))));
                    bench(p, jobs, limit, new OptimizingPlanner(solver, settings), new OptimizingPlanner(solver, drSettings),
                            fifo, greedy);
                }
            }
        }
    }

    private static void bench(Problem p, String jobs, String limit, OptimizingPlanner planner, OptimizingPlanner drPlanner,
                              Plan fifo, Plan greedy) {
        long t0 = System.nanoTime();
        long cpu0 = CPU.getCurrentThreadCpuTime();
        Plan plan = planner.plan(p, JobRuns.none());
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (CPU.getCurrentThreadCpuTime() - cpu0) / 1e9;
        var check = new PlanChecker().check(p, plan);
        System.out.printf(Locale.ROOT, "bench: jobs %s limit %s solver %s time %.1f s (cpu %.1f s) status %s gap %.2f %% (controllable %.1f %%) objective %.0f EUR"
                        + " vs run-immediately %.0f EUR (%+.1f %%, missed %d) vs greedy-window %.0f EUR (%+.1f %%, missed %d)"
                        + " missed %d checker %s work %d job-solves%s%s%n",
                jobs, limit, planner.name(), seconds, cpu, plan.info().status(), 100 * plan.info().gap(),
                100 * controllableGap(p, plan), plan.objectiveEur(),
                fifo.objectiveEur(), pct(plan, fifo), fifo.count(JobSchedule.Outcome.MISSED), greedy.objectiveEur(),
                pct(plan, greedy), greedy.count(JobSchedule.Outcome.MISSED), plan.count(JobSchedule.Outcome.MISSED), check.ok() ? "ok" : "FAIL " + check.violations().size(),
                plan.info().workUsed(), plan.info().cutByWallClock() ? " CUT BY WALL CLOCK (not reproducible)" : "",
                plan.info().fallbackReason().map(r -> " (" + r + ")").orElse(""));
        replanAfterDr(p, jobs, limit, drPlanner, plan);
    }

    /** The gap on what the plan controls: (objective - bound) / (objective - objective of running no job). */
    private static double controllableGap(Problem p, Plan plan) {
        double noJobs = 0;
        for (int t = 0; t < p.slots(); t++) {
            noJobs += io.kelvin.energyoptimizer.model.PowerFlow.slotEur(p, t, p.site().idleKw()
                    + p.forecast().unscheduledItKw(t));
        }
        return Math.max(0, plan.objectiveEur() - plan.info().bound()) / Math.max(1, plan.objectiveEur() - noJobs);
    }

    /** A 2-hour DR event at 18:00 capping import at 70 % of the plan's peak there; re-plan from the plan. */
    private static void replanAfterDr(Problem p, String jobs, String limit, OptimizingPlanner planner, Plan plan) {
        double peak = plan.slots().subList(72, 80).stream().mapToDouble(s -> s.importKw()).max().orElse(0);
        Problem withDr = p.withDrEvents(List.of(new DrEvent("bench-dr", 72, 80, 0.7 * peak, true)));
        JobRuns previous = JobRuns.of(plan);
        Plan greedy = new GreedyWindowPlanner().plan(withDr, JobRuns.none());
        long t0 = System.nanoTime();
        long cpu0 = CPU.getCurrentThreadCpuTime();
        Plan after = planner.plan(withDr, previous);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (CPU.getCurrentThreadCpuTime() - cpu0) / 1e9;
        var check = new PlanChecker().check(withDr, after);
        String oversubscribed = DrOversubscription.of(withDr).stream()
                .map(f -> String.format(Locale.ROOT, " (no plan keeps all %d jobs due in slots %d-%d on time: %.0f kWh too"
                        + " many)", f.jobIds().size(), f.fromSlot(), f.toSlot() - 1, f.excessKwh()))
                .findFirst().orElse("");
        System.out.printf(Locale.ROOT, "bench-dr: jobs %s limit %s solver %s replan %.1f s (cpu %.1f s, work %d job-solves%s) status %s gap %.2f %% (controllable %.1f %%) cap %.0f kW%s"
                        + " objective %.0f EUR missed %d (greedy-window %.0f EUR, missed %d%s) dr-relaxed %s checker %s%n", jobs, limit,
                planner.name(), seconds, cpu, after.info().workUsed(),
                after.info().cutByWallClock() ? ", CUT BY WALL CLOCK" : "", after.info().status(),
                100 * after.info().gap(), 100 * controllableGap(withDr, after), 0.7 * peak, oversubscribed, after.objectiveEur(),
                after.count(JobSchedule.Outcome.MISSED), greedy.objectiveEur(), greedy.count(JobSchedule.Outcome.MISSED),
                greedy.info().drRelaxed() ? ", breaks the cap" : "", after.info().drRelaxed(), check.ok() ? "ok" : "FAIL " + check.violations());
    }

    private static double pct(Plan plan, Plan baseline) {
        return 100 * (plan.objectiveEur() - baseline.objectiveEur()) / Math.abs(baseline.objectiveEur());
    }
}
