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
 * Baseline and fallback: jobs in deadline order each take the start with the lowest marginal
 * energy + carbon cost (plus lateness, and the terminal charge of work past the horizon's end, as the objective
 * counts them) that fits GPU capacity, the import limit and DR caps; if no start meets the DR caps, the cheapest that
 * ignores them. Jobs run without pausing.
 */
public final class GreedyWindowPlanner implements Planner {

    @Override
    public String name() {
        return "greedy-window";
    }

    /** The baseline ignores {@code previous}: every plan is made afresh. */
    @Override
    public Plan plan(Problem p, JobRuns previous) {
        return place(p, JobRuns.none(), name());
    }

    /**
     * Keeps the previous plan's run slots of every job where they are still a whole run inside the
     * job's window and fit (in deadline order), and places the other jobs greedily around them.
     */
    public Plan keepingPrevious(Problem p, JobRuns previous) {
        return place(p, previous, "previous-plan");
    }

    private Plan place(Problem p, JobRuns keep, String planner) {
        long started = System.nanoTime();
        Ledger ledger = new Ledger(p);
        Map<String, List<Integer>> runs = new TreeMap<>();
        List<Job> order = p.jobs().stream().filter(j -> !j.fixed())
                .sorted(Comparator.comparingInt(Job::deadlineSlot).thenComparing(Job::id)).toList();
        for (Job job : order) {
            List<Integer> kept = keep.get(job.id()).orElse(null);
            if (kept != null && ledger.stillValid(job, kept) && ledger.fits(job, kept, true)) {
                ledger.place(job, kept);
                runs.put(job.id(), kept);
            }
        }
        for (Job job : order) {
            if (runs.containsKey(job.id())) {
                continue;
            }
            List<Integer> best = cheapest(p, ledger, job, true);
            if (best == null) {
                best = cheapest(p, ledger, job, false);
            }
            if (best != null) {
                ledger.place(job, best);
                runs.put(job.id(), best);
            }
        }
        return Ledger.reportDr(PlanAssembler.assemble(p, JobRuns.of(runs), SolveInfo.heuristic(planner, (System.nanoTime() - started) / 1_000_000)));
    }

    private static List<Integer> cheapest(Problem p, Ledger ledger, Job job, boolean respectDr) {
        int[] window = Schedules.window(job, p.slots(), p.maxLateSlots());
        List<Integer> best = null;
        double bestEur = Double.POSITIVE_INFINITY;
        double latePerSlot = p.weights().latenessEurPerGpuHour() * job.gpus() * p.horizon().slotHours() * job.priority();
        for (int s = window[0]; s <= Ledger.lastStart(job, window, p.slots()); s++) {
            List<Integer> slots = Ledger.runSlots(job, s, p.slots());
            if (!ledger.fits(job, slots, respectDr)) {
                continue;
            }
            int end = Schedules.schedule(job, slots, p.slots()).endSlot();
            double eur = ledger.marginalEur(job, slots) + latePerSlot * Math.max(0, end - job.deadlineSlot())
                    + p.terminalEurPerSlot(job) * Math.max(0, end - p.slots()) + 1e-6 * s;
            if (eur < bestEur) {
                bestEur = eur;
                best = slots;
            }
        }
        return best;
    }
}
