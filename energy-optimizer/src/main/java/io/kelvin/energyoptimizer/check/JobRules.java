package io.kelvin.energyoptimizer.check;

import io.kelvin.energyoptimizer.model.Job;
import io.kelvin.energyoptimizer.model.JobSchedule;
import io.kelvin.energyoptimizer.model.JobSchedule.Outcome;
import io.kelvin.energyoptimizer.model.Problem;
import java.util.List;

/** Per-job rules: window, duration with checkpoints, outcome and lateness as reported. */
final class JobRules {

    private JobRules() {
    }

    static void check(Problem p, Job job, JobSchedule s, List<String> violations, List<String> notes) {
        List<Integer> runs = s.runSlots();
        String id = "job " + job.id();
        for (int i = 0; i < runs.size(); i++) {
            int t = runs.get(i);
            if (t < 0 || t >= p.slots() || (i > 0 && t <= runs.get(i - 1))) {
                violations.add(id + ": run slot " + t + " outside the horizon or out of order");
                return;
            }
        }
        if (job.fixed()) {
            expect(runs, 0, Math.min(job.durationSlots(), p.slots()), id + ": running job moved", violations);
            return;
        }
        if (runs.isEmpty()) {
            if (s.outcome() != Outcome.MISSED) {
                violations.add(id + ": no run slots but reported " + s.outcome());
            }
            notes.add(id + ": missed (reported)");
            return;
        }
        if (runs.get(0) < Math.max(0, job.releaseSlot())) {
            violations.add(id + ": runs at slot " + runs.get(0) + " before its release " + job.releaseSlot());
        }
        int end = job.preemptible() ? checkPreemptible(p, job, runs, id, violations) : checkContiguous(p, job, runs, id, violations);
        int late = job.preemptible() ? (int) runs.stream().filter(t -> t >= job.deadlineSlot()).count()
                : Math.max(0, end - job.deadlineSlot());
        Outcome expected = end > job.deadlineSlot() ? Outcome.LATE : Outcome.ON_TIME;
        if (s.outcome() != expected || s.lateSlots() != late) {
            violations.add(id + ": reported " + s.outcome() + " " + s.lateSlots() + " slots late, is " + expected + " " + late);
        }
    }

    private static int checkContiguous(Problem p, Job job, List<Integer> runs, String id, List<String> violations) {
        int start = runs.get(0);
        expect(runs, start, Math.min(job.durationSlots(), p.slots() - start),
                id + ": not " + job.durationSlots() + " contiguous slots", violations);
        if (!job.preemptible() && start > job.deadlineSlot() - job.durationSlots() + p.maxLateSlots()) {
            violations.add(id + ": starts at " + start + ", later than its window allows");
        }
        return start + job.durationSlots();
    }

    /**
     * Resumes in a preemptible job's run slots, each paying a checkpoint: every run segment but a running job's run
     * from slot 0, less the first one of a pending job.
     */
    static int resumes(Job job, List<Integer> runs) {
        int segments = 0;
        int previous = job.phase() == Job.Phase.RUNNING ? -1 : -2;
        for (int t : runs) {
            segments += t == previous + 1 ? 0 : 1;
            previous = t;
        }
        return job.phase() == Job.Phase.PENDING ? Math.max(0, segments - 1) : segments;
    }

    private static int checkPreemptible(Problem p, Job job, List<Integer> runs, String id, List<String> violations) {
        int resumes = resumes(job, runs);
        int required = job.durationSlots() + resumes * job.checkpointSlots();
        int last = runs.get(runs.size() - 1);
        if (job.deadlineSlot() > p.slots()) {
            // Due after the horizon's end: at least the work that cannot wait past it, at most all of it; the rest
            // runs unpaused from the end.
            int work = runs.size() - resumes * job.checkpointSlots();
            int least = Math.max(1, job.durationSlots() - (job.deadlineSlot() - p.slots()));
            if (work < least || work > job.durationSlots()) {
                violations.add(id + ": does " + work + " slots of work in the horizon (" + resumes + " resumes), needs "
                        + least + " to " + job.durationSlots());
            }
            return work < job.durationSlots() ? p.slots() + job.durationSlots() - work : last + 1;
        }
        boolean spills = last == p.slots() - 1 && runs.size() < required;
        if (runs.size() != required && !spills) {
            violations.add(id + ": runs " + runs.size() + " slots, needs " + required + " (" + resumes + " resumes)");
        }
        if (last >= job.deadlineSlot() + p.maxLateSlots()) {
            violations.add(id + ": runs at slot " + last + ", later than its window allows");
        }
        return last + 1;
    }

    private static void expect(List<Integer> runs, int from, int count, String message, List<String> violations) {
        boolean ok = runs.size() == count;
        for (int i = 0; ok && i < count; i++) {
            ok = runs.get(i) == from + i;
        }
        if (!ok) {
            violations.add(message + ": " + runs);
        }
    }
}
