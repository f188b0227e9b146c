package io.kelvin.energyoptimizer.baseline;

import io.kelvin.energyoptimizer.model.Job;
import io.kelvin.energyoptimizer.model.Problem;
import io.kelvin.energyoptimizer.model.Schedules;
import java.util.List;

/**
 * What the heuristics have placed so far: busy GPUs and IT power above idle per slot, with the
 * grid import that implies. Fixed (running) jobs are placed when the ledger is made.
 */
final class Ledger {

    private final Problem p;
    private final int[] busy;
    private final double[] delta;

    Ledger(Problem p) {
        this.p = p;
        busy = new int[p.slots()];
        delta = new double[p.slots()];
        for (int t = 0; t < p.slots(); t++) {
            busy[t] = p.unmovableGpus(t);
            delta[t] = p.unmovableDeltaKw(t);
        }
    }

    void place(Job job, List<Integer> slots) {
        for (int t : slots) {
            busy[t] += job.gpus();
            delta[t] += job.deltaKw(p.site().idleKwPerGpu());
        }
    }

    /** Grid import in a slot with {@code extraKw} more IT power, kW. */
    double importKw(int t, double extraKw) {
        double it = p.site().idleKw() + delta[t] + extraKw;
        double facility = it + p.cooling().coolingKw(it, p.forecast().ambientC()[t]);
        return Math.max(0, facility - p.forecast().renewableKw(t));
    }

    /** Whether the job fits in these slots: GPUs, import limit, and DR caps when {@code respectDr}. */
    boolean fits(Job job, List<Integer> slots, boolean respectDr) {
        double extra = job.deltaKw(p.site().idleKwPerGpu());
        for (int t : slots) {
            if (busy[t] + job.gpus() > p.site().gpus()) {
                return false;
            }
            double imp = importKw(t, extra);
            if (imp > p.site().importLimitKw() + 1e-6) {
                return false;
            }
            if (respectDr && imp > p.drCapKw(t).orElse(Double.POSITIVE_INFINITY) + 1e-6) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether earlier run slots are still a valid whole run of the job here: inside the horizon and its
     * window, contiguous from the start for a job that may not pause, enough slots (work plus checkpoints)
     * for one that may.
     */
    boolean stillValid(Job job, List<Integer> slots) {
        if (slots.isEmpty()) {
            return false;
        }
        int[] window = Schedules.window(job, p.slots(), p.maxLateSlots());
        int first = slots.get(0);
        if (first < window[0] || slots.get(slots.size() - 1) >= p.slots()) {
            return false;
        }
        if (!job.preemptible()) {
            return first <= window[1] && slots.equals(Schedules.contiguous(first, job.durationSlots(), p.slots()));
        }
        return slots.get(slots.size() - 1) <= window[1] && Schedules.enoughWork(job, slots, p.slots());
    }

    /** Extra energy cost plus carbon cost (EUR) of running the job in these slots. */
    double marginalEur(Job job, List<Integer> slots) {
        double extra = job.deltaKw(p.site().idleKwPerGpu());
        double h = p.horizon().slotHours();
        double eur = 0;
        for (int t : slots) {
            double kwh = (importKw(t, extra) - importKw(t, 0)) * h;
            eur += kwh * (p.forecast().priceEurPerKwh()[t]
                    + p.weights().carbonEurPerTonne() * p.forecast().carbonGPerKwh()[t] / 1e6);
        }
        return eur;
    }

    /** Contiguous slots a heuristic runs a job for when started at {@code start}. */
    static List<Integer> runSlots(Job job, int start, int horizonSlots) {
        int length = job.durationSlots();
        if (job.preemptible() && (job.phase() == Job.Phase.PAUSED || job.phase() == Job.Phase.RUNNING && start > 0)) {
            length += job.checkpointSlots();
        }
        return Schedules.contiguous(start, length, horizonSlots);
    }

    /**
     * Last start slot a heuristic may use for this job, given its window: for a preemptible job, the run
     * {@link #runSlots} gives it from that start (its work plus the checkpoint a resume pays) must end
     * inside the window. A paused job that resumes at {@code s} runs {@code duration + checkpoint} slots.
     */
    static int lastStart(Job job, int[] window, int horizonSlots) {
        if (!job.preemptible()) {
            return window[1];
        }
        int latest = window[1] + 1 - job.durationSlots();
        for (int s = latest; s >= window[0]; s--) {
            if (s + runSlots(job, s, Integer.MAX_VALUE).size() - 1 <= window[1]) {
                return s;
            }
        }
        if (Schedules.open(job, horizonSlots)) {
            // Longer than its window and due after the horizon's end: the run, cut at the end, must do its due work.
            for (int s = window[1]; s >= window[0]; s--) {
                if (Schedules.workIn(job, runSlots(job, s, horizonSlots)) >= Schedules.minWorkIn(job, horizonSlots)) {
                    return s;
                }
            }
        }
        return window[0] - 1;
    }

    /** Marks a heuristic plan whose import exceeds a DR cap as having relaxed the caps (reported, not hidden). */
    static io.kelvin.energyoptimizer.model.Plan reportDr(io.kelvin.energyoptimizer.model.Plan plan) {
        boolean exceeds = plan.slots().stream().anyMatch(s -> s.drShortfallKw() > 0.5);
        if (!exceeds) {
            return plan;
        }
        return new io.kelvin.energyoptimizer.model.Plan(plan.jobs(), plan.slots(), plan.costs(),
                plan.info().withDrRelaxed());
    }
}
