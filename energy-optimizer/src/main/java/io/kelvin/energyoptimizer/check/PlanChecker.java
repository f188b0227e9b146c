package io.kelvin.energyoptimizer.check;

import io.kelvin.energyoptimizer.model.DrEvent;
import io.kelvin.energyoptimizer.model.Job;
import io.kelvin.energyoptimizer.model.JobSchedule;
import io.kelvin.energyoptimizer.model.Plan;
import io.kelvin.energyoptimizer.model.Problem;
import io.kelvin.energyoptimizer.model.SlotFlow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Verifies a plan against its problem without the model's or the plan assembler's code: every job
 * once, windows, durations and checkpoints, outcomes, GPU capacity, import limit, DR caps, the
 * energy balance of every slot, and the objective recomputed term by term ({@link Recompute}). Its notes
 * also name the DR events whose caps no plan can keep with every job on time ({@link DrOversubscription}).
 */
public final class PlanChecker {

    private static final double KW_TOLERANCE = 0.5;

    public CheckReport check(Problem p, Plan plan) {
        List<String> violations = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, JobSchedule> byId = new HashMap<>();
        for (JobSchedule s : plan.jobs()) {
            if (byId.put(s.jobId(), s) != null) {
                violations.add("job " + s.jobId() + " scheduled twice");
            }
        }
        for (Job job : p.jobs()) {
            JobSchedule s = byId.get(job.id());
            if (s == null) {
                violations.add("job " + job.id() + " missing from the plan");
            } else {
                JobRules.check(p, job, s, violations, notes);
            }
        }
        if (byId.size() != p.jobs().size()) {
            violations.add("plan has " + byId.size() + " jobs, problem " + p.jobs().size());
        }
        Recompute r = Recompute.of(p, plan);
        checkSlots(p, plan, r, violations, notes);
        checkObjective(plan, r, violations);
        DrOversubscription.of(p).forEach(f -> notes.add(f.note()));
        return new CheckReport(violations, notes, r.objectiveEur(), r.terms());
    }

    private static void checkSlots(Problem p, Plan plan, Recompute r, List<String> violations, List<String> notes) {
        if (plan.slots().size() != p.slots()) {
            violations.add("plan has " + plan.slots().size() + " slots, horizon " + p.slots());
            return;
        }
        for (int t = 0; t < p.slots(); t++) {
            SlotFlow f = plan.slots().get(t);
            if (r.busy[t] > p.site().gpus()) {
                violations.add(fmt("slot %d: %d GPUs busy > %d", t, r.busy[t], p.site().gpus()));
            }
            if (r.importKw[t] > p.site().importLimitKw() + KW_TOLERANCE) {
                violations.add(fmt("slot %d: import %.1f kW > limit %.1f kW", t, r.importKw[t], p.site().importLimitKw()));
            }
            for (DrEvent e : p.drEvents()) {
                if (e.covers(t) && r.importKw[t] > e.capKw() + KW_TOLERANCE) {
                    String msg = fmt("slot %d: import %.1f kW > DR cap %.1f kW (%s)", t, r.importKw[t], e.capKw(), e.id());
                    (e.hard() && !plan.info().drRelaxed() ? violations : notes).add(msg);
                }
            }
            double balance = f.importKw() - f.exportKw() - f.curtailedKw() - (r.facilityKw[t] - p.forecast().renewableKw(t));
            if (Math.abs(balance) > KW_TOLERANCE || Math.abs(f.importKw() - r.importKw[t]) > KW_TOLERANCE
                    || f.busyGpus() != r.busy[t]) {
                violations.add(fmt("slot %d: energy balance off: plan import %.1f kW, facility %.1f kW, recomputed"
                        + " import %.1f kW, facility %.1f kW", t, f.importKw(), f.facilityKw(), r.importKw[t], r.facilityKw[t]));
            }
            if (!p.site().exportAllowed() && f.exportKw() > KW_TOLERANCE) {
                violations.add(fmt("slot %d: exports %.1f kW where export is not allowed", t, f.exportKw()));
            }
        }
    }

    private static void checkObjective(Plan plan, Recompute r, List<String> violations) {
        double tolerance = 0.01 + 1e-6 * Math.abs(r.objectiveEur());
        if (Math.abs(plan.objectiveEur() - r.objectiveEur()) > tolerance) {
            violations.add(fmt("objective %.2f EUR, recomputed %.2f EUR", plan.objectiveEur(), r.objectiveEur()));
        }
        double solver = plan.info().solverObjective();
        boolean fromSolver = plan.info().fallbackReason().isEmpty() && !Double.isNaN(solver);
        if (fromSolver && Math.abs(solver - r.objectiveEur()) > 1.0 + 0.005 * Math.abs(r.objectiveEur())) {
            violations.add(fmt("solver objective %.2f EUR differs from recomputed %.2f EUR", solver, r.objectiveEur()));
        }
    }

    static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
