package io.kelvin.energyoptimizer.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    /**
     * {@code plan} with every job the problem holds by its due work ({@link Job#dueWorkIn} of the job in
     * {@code whole}) stated against the job itself, as people see it: its end where the rest of its work, run
     * unpaused from the horizon's end, ends; its outcome and lateness against its own deadline; its explanation
     * against running its whole work from its release ({@link Schedules#whole}). Every other job, the flows, the
     * costs (the planned problem's objective) and the provenance are kept as they are.
     */
    public static Plan stated(Problem p, Plan plan, Map<String, Job> whole) {
        List<JobSchedule> schedules = new ArrayList<>();
        List<Boolean> restated = new ArrayList<>();
        for (JobSchedule s : plan.jobs()) {
            Job planned = PowerFlow.jobById(p, s.jobId());
            Job job = whole.getOrDefault(s.jobId(), planned);
            restated.add(Schedules.workLeftOut(planned, job) > 0);
            schedules.add(Schedules.whole(s, planned, job, p.slots()));
        }
        if (!restated.contains(true)) {
            return plan;
        }
        List<JobSchedule> explained = new ArrayList<>();
        for (int i = 0; i < schedules.size(); i++) {
            JobSchedule s = schedules.get(i);
            explained.add(restated.get(i)
                    ? s.withExplanation(Explainer.explain(p, whole.get(s.jobId()), s, schedules, plan.slots())) : s);
        }
        return new Plan(explained, plan.slots(), plan.costs(), plan.info());
    }
}
