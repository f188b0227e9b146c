package io.kelvin.energyoptimizer.check;

import io.kelvin.energyoptimizer.model.Forecast;
import io.kelvin.energyoptimizer.model.Job;
import io.kelvin.energyoptimizer.model.JobSchedule;
import io.kelvin.energyoptimizer.model.Plan;
import io.kelvin.energyoptimizer.model.Problem;
import io.kelvin.energyoptimizer.model.Weights;
import java.util.HashMap;
import java.util.Map;

/**
 * Recomputes a plan's physics and objective from its run slots alone (plus the problem's expected
 * load, counted like a running job, and the IT load Kelvin does not schedule): busy GPUs, IT kW (idle +
 * unscheduled + job power above idle), facility kW
 * (IT + cooling curve), least import (facility - renewables, never below 0), export of surplus where
 * allowed, DR shortfall against the tightest cap, heat recovered, and every objective term.
 */
final class Recompute {

    final int[] busy;
    final double[] facilityKw;
    final double[] importKw;
    private double objective;
    private double energy, carbon, feedIn, heatCredit, shortfall, lateness, missed, terminal, switching;

    private Recompute(int n) {
        busy = new int[n];
        facilityKw = new double[n];
        importKw = new double[n];
    }

    double objectiveEur() {
        return objective;
    }

    ObjectiveTerms terms() {
        return new ObjectiveTerms(energy, carbon, feedIn, heatCredit, shortfall, lateness, missed, terminal, switching);
    }

    static Recompute of(Problem p, Plan plan) {
        int n = p.slots();
        Recompute r = new Recompute(n);
        double[] itKw = new double[n];
        java.util.Arrays.fill(itKw, p.site().gpus() * p.site().idleKwPerGpu());
        for (int t = 0; t < n; t++) {
            r.busy[t] += p.expectedLoad().gpus(t);
            itKw[t] += p.expectedLoad().deltaKw(t) + p.forecast().unscheduledItKw()[t];
        }
        Map<String, Job> jobs = new HashMap<>();
        p.jobs().forEach(j -> jobs.put(j.id(), j));
        for (JobSchedule s : plan.jobs()) {
            Job job = jobs.get(s.jobId());
            if (job == null) {
                continue;
            }
            for (int t : s.runSlots()) {
                if (t >= 0 && t < n) {
                    r.busy[t] += job.gpus();
                    itKw[t] += job.powerKw() - job.gpus() * p.site().idleKwPerGpu();
                }
            }
            r.objective += r.jobPenalty(p, job, s);
        }
        r.objective += slotCosts(p, r, itKw);
        return r;
    }

    private static double slotCosts(Problem p, Recompute r, double[] itKw) {
        Forecast f = p.forecast();
        Weights w = p.weights();
        double h = p.horizon().slotLength().toMinutes() / 60.0;
        double sum = 0;
        for (int t = 0; t < itKw.length; t++) {
            r.facilityKw[t] = itKw[t] + p.cooling().coolingKw(itKw[t], f.ambientC()[t]);
            double net = r.facilityKw[t] - f.pvKw()[t] - f.windKw()[t];
            r.importKw[t] = Math.max(0, net);
            double exported = p.site().exportAllowed() ? Math.max(0, -net) : 0;
            double cap = Double.POSITIVE_INFINITY;
            for (var e : p.drEvents()) {
                cap = e.covers(t) ? Math.min(cap, e.capKw()) : cap;
            }
            double heat = Math.min(f.heatDemandKw()[t], w.heatRecoveryFraction() * itKw[t]);
            sum += h * (r.importKw[t] * (f.priceEurPerKwh()[t] + w.carbonEurPerTonne() * f.carbonGPerKwh()[t] / 1e6)
                    - exported * w.feedInEurPerKwh() + Math.max(0, r.importKw[t] - cap) * w.drShortfallEurPerKwh()
                    - heat * w.heatCreditEurPerKwh());
            r.energy += h * r.importKw[t] * f.priceEurPerKwh()[t];
            r.carbon += h * r.importKw[t] * w.carbonEurPerTonne() * f.carbonGPerKwh()[t] / 1e6;
            r.feedIn += h * exported * w.feedInEurPerKwh();
            r.shortfall += h * Math.max(0, r.importKw[t] - cap) * w.drShortfallEurPerKwh();
            r.heatCredit += h * heat * w.heatCreditEurPerKwh();
        }
        return sum;
    }

    /**
     * Work past the horizon's end, charged at the horizon's mean (price + carbon price x intensity) x
     * (1 + cooling fraction) per kWh of the job's IT power above idle (the objective's terminal term).
     */
    private static double terminal(Problem p, Job job, JobSchedule s) {
        int n = p.slots();
        int past = s.runSlots().isEmpty() ? 0 : !job.preemptible() ? Math.max(0, s.runSlots().get(0) + job.durationSlots() - n)
                : job.deadlineSlot() > n ? Math.max(0, job.durationSlots() - s.runSlots().size()
                        + JobRules.resumes(job, s.runSlots()) * job.checkpointSlots()) : 0;
        if (past == 0) {
            return 0;
        }
        Forecast f = p.forecast();
        double perKwh = 0;
        for (int t = 0; t < n; t++) {
            double fraction = p.cooling().baseFraction() + p.cooling().fractionPerDegree()
                    * Math.max(0, f.ambientC()[t] - p.cooling().freeCoolingBelowC());
            perKwh += (f.priceEurPerKwh()[t] + p.weights().carbonEurPerTonne() * f.carbonGPerKwh()[t] / 1e6) * (1 + fraction);
        }
        double hours = p.horizon().slotLength().toMinutes() / 60.0;
        return past * hours * (job.powerKw() - job.gpus() * p.site().idleKwPerGpu()) * perKwh / n;
    }

    private double jobPenalty(Problem p, Job job, JobSchedule s) {
        Weights w = p.weights();
        double gpuHours = job.gpus() * p.horizon().slotLength().toMinutes() / 60.0 * job.priority();
        if (job.fixed()) {
            return 0;
        }
        if (s.runSlots().isEmpty()) {
            double miss = w.missedEurPerGpuHour() * gpuHours * job.durationSlots() + w.missedJobEur() * job.priority();
            missed += miss;
            return miss;
        }
        double late = w.latenessEurPerGpuHour() * gpuHours * s.lateSlots();
        double past = terminal(p, job, s);
        double switches = 0;
        if (job.preemptible()) {
            int previous = job.phase() == Job.Phase.RUNNING ? -1 : -2;
            for (int t : s.runSlots()) {
                switches += t == previous + 1 ? 0 : w.switchEurPerSegment();
                previous = t;
            }
        }
        lateness += late;
        terminal += past;
        switching += switches;
        return late + past + switches;
    }
}
