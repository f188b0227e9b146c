package io.kelvin.energyoptimizer.milp;

import io.kelvin.energyoptimizer.model.Job;
import io.kelvin.energyoptimizer.model.Schedules;
import java.util.ArrayList;
import java.util.List;

/**
 * The decision variables of one job. A non-preemptible job has one start binary per candidate
 * start slot ({@code slots} holds the start slots); a preemptible job has a run and a segment-start
 * binary per slot of its window ({@code slots} holds the window's slots). Both have a missed binary.
 * A job that cannot finish inside the horizon may start near its end and spill past it.
 */
final class JobVariables {

    final Job job;
    final int[] slots;
    final int[] vars;
    final int[] segmentVars;
    final int missed;
    /** Slots of work left past the horizon's end (a job that may leave some, {@code Schedules.open}), else -1. */
    final int past;

    private JobVariables(Job job, int[] slots, int[] vars, int[] segmentVars, int missed, int past) {
        this.job = job;
        this.slots = slots;
        this.vars = vars;
        this.segmentVars = segmentVars;
        this.missed = missed;
        this.past = past;
    }

    static JobVariables create(LinearModel m, Job job, int horizon, int maxLate) {
        int[] window = Schedules.window(job, horizon, maxLate);
        int lo = window[0];
        int hi = window[1];
        int missed = m.bool("missed[" + job.id() + "]");
        if (job.preemptible()) {
            int[] slots = range(lo, hi + 1);
            int[] run = new int[slots.length];
            int[] seg = new int[slots.length];
            for (int i = 0; i < slots.length; i++) {
                run[i] = m.bool("run[" + job.id() + "," + slots[i] + "]");
                seg[i] = m.bool("segment[" + job.id() + "," + slots[i] + "]");
            }
            int past = Schedules.open(job, horizon) ? m.continuous("past[" + job.id() + "]", 0,
                    job.durationSlots() - Schedules.minWorkIn(job, horizon), 1) : -1;
            return new JobVariables(job, slots, run, seg, missed, past);
        }
        int[] slots = range(lo, hi + 1);
        int[] start = new int[slots.length];
        for (int i = 0; i < slots.length; i++) {
            start[i] = m.bool("start[" + job.id() + "," + slots[i] + "]");
        }
        return new JobVariables(job, slots, start, new int[0], missed, -1);
    }

    /** Pairs (variable, 1) of every decision that has the job running in {@code slot}. */
    List<Integer> coveringVars(int slot) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < slots.length; i++) {
            boolean covers = job.preemptible() ? slots[i] == slot
                    : slots[i] <= slot && slot < slots[i] + job.durationSlots();
            if (covers) {
                out.add(vars[i]);
            }
        }
        return out;
    }

    /** Slots late if started at {@code slots[i]} (non-preemptible) or 1 if run slot i is late. */
    int lateSlots(int i) {
        return job.preemptible() ? (slots[i] >= job.deadlineSlot() ? 1 : 0)
                : Math.max(0, slots[i] + job.durationSlots() - job.deadlineSlot());
    }

    /** Slots of work past the horizon's end if started at {@code slots[i]} (non-preemptible; 0 for run binaries). */
    int slotsPastHorizon(int i, int horizon) {
        return job.preemptible() ? 0 : Math.max(0, slots[i] + job.durationSlots() - horizon);
    }

    /** The run slots a solution gives this job, inside the horizon. */
    List<Integer> runSlots(double[] values, int horizon) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < slots.length; i++) {
            if (values[vars[i]] > 0.5) {
                if (!job.preemptible()) {
                    return Schedules.contiguous(slots[i], job.durationSlots(), horizon);
                }
                out.add(slots[i]);
            }
        }
        return out;
    }

    /** Hint values for run slots from a previous plan (start or run binaries, missed = 0). */
    void hint(double[] hint, List<Integer> previousRunSlots) {
        if (previousRunSlots.isEmpty()) {
            return;
        }
        hint[missed] = 0;
        if (past >= 0) {
            hint[past] = Math.max(0, job.durationSlots() - Schedules.workIn(job, previousRunSlots));
        }
        for (int i = 0; i < slots.length; i++) {
            hint[vars[i]] = job.preemptible() ? (previousRunSlots.contains(slots[i]) ? 1 : 0)
                    : (slots[i] == previousRunSlots.get(0) ? 1 : 0);
        }
    }

    private static int[] range(int from, int to) {
        return java.util.stream.IntStream.range(from, Math.max(from, to)).toArray();
    }
}
