package io.kelvin.energyoptimizer.app;

import io.kelvin.core.plan.PlannedJob;
import io.kelvin.core.plan.StoredPlan;
import io.kelvin.energyoptimizer.model.Job;
import io.kelvin.energyoptimizer.model.Problem;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a stored plan puts on the site slot by slot, beyond its stored slots, worked out from the problem it
 * solved: the IT power of the plan's jobs per slot ({@code jobsKw}: the sum of each running job's power, its
 * GPUs' idle share included), the tightest demand-response import cap in force per slot ({@code drCapKw},
 * {@code NaN} where none), each job's power while it runs ({@code jobKw}, kW by job id) and the IT load Kelvin does
 * not schedule that the plan counted ({@code unscheduledKw}: beyond the cluster's idle draw, as in the problem).
 */
public record PlanHorizon(long planId, double[] jobsKw, double[] drCapKw, Map<String, Double> jobKw,
                          double[] unscheduledKw) {

    public PlanHorizon {
        jobsKw = jobsKw.clone();
        drCapKw = drCapKw.clone();
        jobKw = Map.copyOf(jobKw);
        unscheduledKw = unscheduledKw.clone();
        if (jobsKw.length != drCapKw.length || jobsKw.length != unscheduledKw.length) {
            throw new IllegalArgumentException("jobsKw, drCapKw and unscheduledKw need the same slots");
        }
    }

    /** The horizon of {@code plan} from {@code problem}, the problem it was made for. */
    public static PlanHorizon of(StoredPlan plan, Problem problem) {
        Objects.requireNonNull(plan, "plan");
        int n = problem.slots();
        Map<String, Double> kw = new LinkedHashMap<>();
        for (Job j : problem.jobs()) {
            kw.put(j.id(), j.powerKw());
        }
        double[] jobs = new double[n];
        for (PlannedJob j : plan.jobs()) {
            double power = kw.getOrDefault(j.jobId(), 0.0);
            for (int t : j.runSlots()) {
                if (t >= 0 && t < n) {
                    jobs[t] += power;
                }
            }
        }
        double[] caps = new double[n];
        double[] unscheduled = new double[n];
        for (int t = 0; t < n; t++) {
            caps[t] = problem.drCapKw(t).orElse(Double.NaN);
            unscheduled[t] = problem.forecast().unscheduledItKw(t);
        }
        return new PlanHorizon(plan.id(), jobs, caps, kw, unscheduled);
    }

    public int slots() {
        return jobsKw.length;
    }

    @Override
    public double[] jobsKw() {
        return jobsKw.clone();
    }

    @Override
    public double[] drCapKw() {
        return drCapKw.clone();
    }

    @Override
    public double[] unscheduledKw() {
        return unscheduledKw.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlanHorizon h && planId == h.planId && Arrays.equals(jobsKw, h.jobsKw)
                && Arrays.equals(drCapKw, h.drCapKw) && jobKw.equals(h.jobKw) && Arrays.equals(unscheduledKw, h.unscheduledKw);
    }

    @Override
    public int hashCode() {
        return Objects.hash(planId, Arrays.hashCode(jobsKw), Arrays.hashCode(drCapKw), jobKw, Arrays.hashCode(unscheduledKw));
    }

    @Override
    public String toString() {
        return "PlanHorizon[plan " + planId + ", " + jobsKw.length + " slots, " + jobKw.size() + " jobs]";
    }
}
