package io.kelvin.energyoptimizer.decompose;

import io.kelvin.energyoptimizer.model.Job;
import io.kelvin.energyoptimizer.model.Problem;
import io.kelvin.energyoptimizer.model.Schedules;
import io.kelvin.energyoptimizer.model.Weights;
import java.util.Arrays;
import java.util.List;

/**
 * Every way one job can run in the horizon, and the cheapest of them for given per-slot costs. The
 * choices and penalties are those of the MILP ({@code milp.ScheduleModel}): a job that may not pause
 * starts once in its window (late slots penalised, spilling past the horizon allowed); a preemptible
 * job runs any slots of its window that add up to its work plus a checkpoint per resume, paying the
 * switching penalty per run segment; or the job is missed at the missed-deadline penalty.
 */
final class JobOptions {

    /** Run slots in ascending order (empty = missed) and what they cost, penalties included. */
    record Choice(int[] runSlots, double cost) {
        boolean missed() {
            return runSlots.length == 0;
        }
    }

    final Job job;
    final double deltaKw;
    final int lo;
    final int hi;
    private final int n;
    private final double latePerSlot;
    private final double missedEur;
    private final double switchEur;
    private final double terminalPerSlot;
    /** Least work inside the horizon: all of it, or for a job that may leave work past the end, its due work. */
    private final int minWork;

    JobOptions(Problem p, Job job) {
        this.job = job;
        this.n = p.slots();
        this.deltaKw = job.deltaKw(p.site().idleKwPerGpu());
        int[] window = Schedules.window(job, n, p.maxLateSlots());
        this.lo = window[0];
        this.hi = window[1];
        Weights w = p.weights();
        double gpuSlotHours = job.gpus() * p.horizon().slotHours() * job.priority();
        this.latePerSlot = w.latenessEurPerGpuHour() * gpuSlotHours;
        this.missedEur = w.missedEurPerGpuHour() * gpuSlotHours * job.durationSlots() + w.missedJobEur() * job.priority();
        this.switchEur = w.switchEurPerSegment();
        this.terminalPerSlot = p.terminalEurPerSlot(job);
        this.minWork = Schedules.open(job, n) ? Schedules.minWorkIn(job, n) : job.durationSlots();
    }

    Choice missed() {
        return new Choice(new int[0], missedEur);
    }

    /** The penalties (lateness, switching, missed) of a choice's run slots. */
    double penalties(int[] runSlots) {
        if (runSlots.length == 0) {
            return missedEur;
        }
        if (!job.preemptible()) {
            return latePerSlot * Math.max(0, runSlots[0] + job.durationSlots() - job.deadlineSlot())
                    + terminalPerSlot * Math.max(0, runSlots[0] + job.durationSlots() - n);
        }
        double late = 0;
        for (int t : runSlots) {
            late += t >= job.deadlineSlot() ? latePerSlot : 0;
        }
        List<Integer> runs = Arrays.stream(runSlots).boxed().toList();
        double past = Schedules.open(job, n) ? terminalPerSlot * Math.max(0, job.durationSlots() - Schedules.workIn(job, runs)) : 0;
        return late + past + switchEur * Schedules.segments(job, runs);
    }

    /**
     * The cheapest choice when running in slot t costs {@code slotCost[t]} and is impossible where
     * {@code blocked[t]}. {@code relaxed} lets a preemptible job's progress never drop below minus one
     * checkpoint (a relaxation, for lower bounds); otherwise such fragmented runs are left out.
     */
    Choice best(double[] slotCost, boolean[] blocked, boolean relaxed) {
        Choice run = job.preemptible() ? bestPreemptible(slotCost, blocked, relaxed) : bestStart(slotCost, blocked);
        return run != null && run.cost() < missedEur ? run : missed();
    }

    private Choice bestStart(double[] c, boolean[] blocked) {
        if (hi < lo) {
            return null;
        }
        double[] sum = new double[n + 1];
        int[] blockedCount = new int[n + 1];
        for (int t = 0; t < n; t++) {
            sum[t + 1] = sum[t] + c[t];
            blockedCount[t + 1] = blockedCount[t] + (blocked[t] ? 1 : 0);
        }
        int d = job.durationSlots();
        int bestStart = -1;
        double best = Double.POSITIVE_INFINITY;
        for (int s = lo; s <= hi; s++) {
            int end = Math.min(n, s + d);
            if (blockedCount[end] - blockedCount[s] > 0) {
                continue;
            }
            double cost = sum[end] - sum[s] + latePerSlot * Math.max(0, s + d - job.deadlineSlot())
                    + terminalPerSlot * Math.max(0, s + d - n);
            if (cost < best - 1e-12) {
                best = cost;
                bestStart = s;
            }
        }
        if (bestStart < 0) {
            return null;
        }
        int[] slots = java.util.stream.IntStream.range(bestStart, Math.min(n, bestStart + d)).toArray();
        return new Choice(slots, best);
    }

    /**
     * Dynamic programme over the window's slots; state = (progress, running, started). Progress counts
     * run slots less a checkpoint per resume and must end at the job's work.
     */
    private Choice bestPreemptible(double[] c, boolean[] blocked, boolean relaxed) {
        int work = job.durationSlots();
        int ovh = job.checkpointSlots();
        int width = hi - lo + 1;
        if (width <= 0 || minWork > width) {
            // More work due than run slots in the window: no run can do it. The tables grow with the window, not
            // the work (capped at the window below), for a job that asks for absurdly much.
            return null;
        }
        int floor = -ovh;
        work = Math.min(work, width);
        int levels = work - floor + 1;
        int states = levels * 4;
        double[] cur = new double[states];
        double[] next = new double[states];
        int[][] from = new int[width][states];
        Arrays.fill(cur, Double.POSITIVE_INFINITY);
        boolean continues = job.phase() == Job.Phase.RUNNING && lo == 0;
        boolean startedBefore = job.phase() != Job.Phase.PENDING;
        cur[state(0 - floor, continues, startedBefore)] = 0;
        for (int i = 0; i < width; i++) {
            int t = lo + i;
            double runCost = c[t] + (t >= job.deadlineSlot() ? latePerSlot : 0);
            Arrays.fill(next, Double.POSITIVE_INFINITY);
            for (int s = 0; s < states; s++) {
                if (cur[s] == Double.POSITIVE_INFINITY) {
                    continue;
                }
                int level = s >> 2;
                boolean running = (s & 2) != 0;
                boolean started = (s & 1) != 0;
                relax(next, from[i], state(level, false, started), cur[s], s);
                if (blocked[t]) {
                    continue;
                }
                int k = level + floor;
                int k2;
                double cost = cur[s] + runCost;
                if (running) {
                    k2 = k + 1;
                } else {
                    k2 = k + 1 - (started ? ovh : 0);
                    cost += switchEur;
                }
                if (k2 > work) {
                    continue;
                }
                if (k2 < floor) {
                    if (!relaxed) {
                        continue;
                    }
                    k2 = floor;
                }
                relax(next, from[i], state(k2 - floor, true, true), cost, s);
            }
            double[] swap = cur;
            cur = next;
            next = swap;
        }
        // Ends with all its work done, or for a job that may leave work past the horizon's end, with any work from
        // its due work up, the rest charged at the terminal rate.
        int end = -1;
        double best = Double.POSITIVE_INFINITY;
        for (int k = minWork; k <= work; k++) {
            double past = terminalPerSlot * (job.durationSlots() - k);
            for (int flags = 0; flags < 4; flags++) {
                int s = state(k - floor, (flags & 2) != 0, (flags & 1) != 0);
                if (cur[s] + past < best) {
                    best = cur[s] + past;
                    end = s;
                }
            }
        }
        if (end < 0) {
            return null;
        }
        int[] run = new int[width];
        int count = 0;
        int s = end;
        for (int i = width - 1; i >= 0; i--) {
            if ((s & 2) != 0) {
                run[count++] = lo + i;
            }
            s = from[i][s];
        }
        int[] slots = new int[count];
        for (int i = 0; i < count; i++) {
            slots[i] = run[count - 1 - i];
        }
        return new Choice(slots, best);
    }

    private static int state(int level, boolean running, boolean started) {
        return level << 2 | (running ? 2 : 0) | (started ? 1 : 0);
    }

    private static void relax(double[] next, int[] from, int to, double cost, int fromState) {
        if (cost < next[to]) {
            next[to] = cost;
            from[to] = fromState;
        }
    }
}
