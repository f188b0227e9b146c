package io.kelvin.energyoptimizer.baseline;

import io.kelvin.energyoptimizer.model.Job;
import io.kelvin.energyoptimizer.model.Plan;
import io.kelvin.energyoptimizer.model.PlanAssembler;
import io.kelvin.energyoptimizer.model.Problem;
import io.kelvin.energyoptimizer.model.Schedules;
import io.kelvin.energyoptimizer.model.SolveInfo;
import io.kelvin.energyoptimizer.solve.Planner;
import java.util.Comparator;
import io.kelvin.energyoptimizer.model.JobRuns;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;

/**
 * Baseline: run every job as soon as it fits, in arrival order (first fit: a later small job may
 * use GPUs an earlier big one cannot). Respects GPU capacity and the import limit; ignores prices,
 * carbon and DR events. Jobs run without pausing.
 */
public final class RunImmediatelyPlanner implements Planner {

    @Override
    public String name() {
        return "run-immediately";
    }

    @Override
    public Plan plan(Problem p, JobRuns previous) {
        long started = System.nanoTime();
        Ledger ledger = new Ledger(p);
        Map<String, List<Integer>> runs = new TreeMap<>();
        List<Job> queue = p.jobs().stream().filter(j -> !j.fixed())
                .sorted(Comparator.comparingInt(Job::releaseSlot).thenComparing(Job::id)).toList();
        for (Job job : queue) {
            int[] window = Schedules.window(job, p.slots(), p.maxLateSlots());
            for (int s = window[0]; s <= Ledger.lastStart(job, window, p.slots()); s++) {
                List<Integer> slots = Ledger.runSlots(job, s, p.slots());
                if (ledger.fits(job, slots, false)) {
                    ledger.place(job, slots);
                    runs.put(job.id(), slots);
                    break;
                }
            }
        }
        return Ledger.reportDr(PlanAssembler.assemble(p, JobRuns.of(runs), SolveInfo.heuristic(name(), (System.nanoTime() - started) / 1_000_000)));
    }
}
