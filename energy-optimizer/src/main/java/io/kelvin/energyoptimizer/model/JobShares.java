package io.kelvin.energyoptimizer.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a plan attributes to each of its jobs: the job's IT power above idle, its run slots in the horizon, the IT
 * energy above idle they draw, and the grid import, cost (import at price plus carbon price less feed-in, EUR)
 * and grid CO2 the job adds to the site's flows (the flows with it less without it, by the same recomputation
 * that prices a move in a job's explanation); the cost also counts the job's work past the horizon's end at the
 * terminal rate, as the objective does.
 */
public record JobShares(String jobId, double kwAboveIdle, int slots, double itKwh, double importKwh, double eur,
                        double kgCo2) {

    /** Every job of {@code p} as {@code plan} runs it, in the problem's job order. */
    public static Map<String, JobShares> of(Problem p, Plan plan) {
        return of(p, plan.jobs(), plan.slots());
    }

    /** Every job of {@code p} in the run slots {@code runs} gives it (fixed jobs from slot 0, as a plan has them). */
    public static Map<String, JobShares> of(Problem p, JobRuns runs) {
        List<JobSchedule> schedules = new ArrayList<>();
        for (Job job : p.jobs()) {
            List<Integer> slots = job.fixed() ? Schedules.contiguous(0, job.durationSlots(), p.slots()) : runs.slots(job.id());
            schedules.add(Schedules.schedule(job, slots, p.slots()));
        }
        return of(p, schedules, PowerFlow.flows(p, schedules));
    }

    private static Map<String, JobShares> of(Problem p, List<JobSchedule> schedules, List<SlotFlow> flows) {
        Map<String, JobShares> out = new LinkedHashMap<>();
        double h = p.horizon().slotHours();
        for (JobSchedule s : schedules) {
            Job job = PowerFlow.jobById(p, s.jobId());
            double kw = job.deltaKw(p.site().idleKwPerGpu());
            double[] a = Explainer.attributed(p, job, s, flows);
            out.put(job.id(), new JobShares(job.id(), kw, s.runSlots().size(), kw * s.runSlots().size() * h, a[0], a[1], a[2]));
        }
        return out;
    }
}
