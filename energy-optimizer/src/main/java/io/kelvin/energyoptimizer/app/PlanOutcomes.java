package io.kelvin.energyoptimizer.app;

import io.kelvin.core.plan.PlanJobOutcome;
import io.kelvin.core.plan.PlannedJob;
import io.kelvin.core.plan.StoredPlan;
import io.kelvin.energyoptimizer.baseline.RunImmediatelyPlanner;
import io.kelvin.energyoptimizer.model.Job;
import io.kelvin.energyoptimizer.model.JobRuns;
import io.kelvin.energyoptimizer.model.JobShares;
import io.kelvin.energyoptimizer.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stored plan's per-job figures against run-immediately: the same jobs planned by {@link RunImmediatelyPlanner}
 * (cheap: first fit in arrival order), each running all its work from its release ({@link Job#fittedTo}: one run
 * that may spill past the horizon's end), and each job's share of both plans ({@link JobShares}: IT kWh
 * above idle, and the import cost and CO2 it adds to the site's flows, work past the horizon's end at the terminal
 * rate).
 */
final class PlanOutcomes {

    private static final RunImmediatelyPlanner RUN_IMMEDIATELY = new RunImmediatelyPlanner();

    private PlanOutcomes() {
    }

    static List<PlanJobOutcome> of(Problem problem, StoredPlan plan) {
        Map<String, List<Integer>> runs = new TreeMap<>();
        for (PlannedJob j : plan.jobs()) {
            if (!j.runSlots().isEmpty()) {
                runs.put(j.jobId(), j.runSlots());
            }
        }
        Map<String, JobShares> planned = JobShares.of(problem, JobRuns.of(runs));
        Problem allWork = problem.withJobs(problem.jobs().stream().map(j -> j.fittedTo(problem.slots())).toList());
        Map<String, JobShares> immediate = JobShares.of(allWork, RUN_IMMEDIATELY.plan(allWork, JobRuns.none()));
        List<PlanJobOutcome> out = new ArrayList<>();
        for (JobShares p : planned.values()) {
            JobShares b = immediate.get(p.jobId());
            out.add(new PlanJobOutcome(p.jobId(), p.kwAboveIdle(), p.slots(), p.itKwh(), p.eur(), p.kgCo2(), b.slots(),
                    b.itKwh(), b.eur(), b.kgCo2()));
        }
        return out;
    }
}
