package io.kelvin.energyoptimizer.decompose;

import java.util.ArrayList;
import io.kelvin.energyoptimizer.model.JobRuns;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;

/**
 * A complete plan under construction: each job's choice and the busy GPUs and IT power per slot they
 * add up to. Placing only ever keeps the plan feasible (GPUs, import limit, hard DR caps).
 */
final class Assignment {

    private static final double KW_TOLERANCE = 1e-6;

    final SlotCurves slots;
    final List<JobOptions> jobs;
    final JobOptions.Choice[] choice;
    final int[] busy;
    final double[] itKw;

    Assignment(SlotCurves slots, List<JobOptions> jobs) {
        this.slots = slots;
        this.jobs = jobs;
        this.choice = new JobOptions.Choice[jobs.size()];
        this.busy = new int[slots.n];
        this.itKw = slots.baseItKw.clone();
    }

    Assignment copy() {
        Assignment a = new Assignment(slots, jobs);
        System.arraycopy(choice, 0, a.choice, 0, choice.length);
        System.arraycopy(busy, 0, a.busy, 0, busy.length);
        System.arraycopy(itKw, 0, a.itKw, 0, itKw.length);
        return a;
    }

    /** Makes this plan equal to {@code other} (a copy of it taken earlier). */
    void restore(Assignment other) {
        System.arraycopy(other.choice, 0, choice, 0, choice.length);
        System.arraycopy(other.busy, 0, busy, 0, busy.length);
        System.arraycopy(other.itKw, 0, itKw, 0, itKw.length);
    }

    void place(int j, JobOptions.Choice c) {
        choice[j] = c;
        add(j, c, 1);
    }

    void remove(int j) {
        if (choice[j] != null) {
            add(j, choice[j], -1);
            choice[j] = null;
        }
    }

    private void add(int j, JobOptions.Choice c, int sign) {
        JobOptions o = jobs.get(j);
        for (int t : c.runSlots()) {
            busy[t] += sign * o.job.gpus();
            itKw[t] += sign * o.deltaKw;
        }
    }

    /** Whether job j (not placed) could run in slot t next to what is placed. */
    boolean fits(int j, int t) {
        JobOptions o = jobs.get(j);
        return busy[t] + o.job.gpus() <= slots.freeGpus[t] && itKw[t] + o.deltaKw <= slots.maxItKw[t] + KW_TOLERANCE;
    }

    /** Whether these run slots fit job j (not placed). */
    boolean fits(int j, int[] runSlots) {
        for (int t : runSlots) {
            if (!fits(j, t)) {
                return false;
            }
        }
        return true;
    }

    /** The objective of the plan: every slot's cost at its IT power plus every job's penalties. */
    double objectiveEur() {
        double sum = 0;
        for (int t = 0; t < slots.n; t++) {
            sum += slots.eur(t, itKw[t]);
        }
        for (int j = 0; j < jobs.size(); j++) {
            sum += jobs.get(j).penalties(choice[j] == null ? new int[0] : choice[j].runSlots());
        }
        return sum;
    }

    /** Run slots per job id; missed jobs are absent. */
    JobRuns runSlots() {
        Map<String, List<Integer>> out = new TreeMap<>();
        for (int j = 0; j < jobs.size(); j++) {
            if (choice[j] != null && !choice[j].missed()) {
                List<Integer> list = new ArrayList<>();
                for (int t : choice[j].runSlots()) {
                    list.add(t);
                }
                out.put(jobs.get(j).job.id(), list);
            }
        }
        return JobRuns.of(out);
    }
}
