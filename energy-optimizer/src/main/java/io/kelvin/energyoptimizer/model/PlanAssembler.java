package io.kelvin.energyoptimizer.model;

import java.util.ArrayList;
import java.util.List;

/** Turns run slots per job (from a solver or a heuristic) into a full, explained {@link Plan}. */
public final class PlanAssembler {

    private PlanAssembler() {
    }

    /** {@code runSlots}: job id to ascending run slots inside the horizon; absent = missed. */
    public static Plan assemble(Problem p, JobRuns runSlots, SolveInfo info) {
        List<JobSchedule> schedules = new ArrayList<>();
        for (Job job : p.jobs()) {
            List<Integer> slots = job.fixed()
                    ? Schedules.contiguous(0, job.durationSlots(), p.slots())
                    : runSlots.slots(job.id());
            schedules.add(Schedules.schedule(job, slots, p.slots()));
        }
        List<SlotFlow> flows = PowerFlow.flows(p, schedules);
        List<JobSchedule> explained = schedules.stream()
                .map(s -> s.withExplanation(Explainer.explain(p, PowerFlow.jobById(p, s.jobId()), s, schedules, flows)))
                .toList();
        return new Plan(explained, flows, PowerFlow.costs(p, explained, flows), info);
    }
}
