package io.kelvin.energyoptimizer.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The plan-side power balance: from the slots each job runs in to per-slot IT, cooling, facility,
 * grid import and export. IT = cluster idle kW + unscheduled IT kW + sum of running jobs' (power - idle
 * share) + expected load; import
 * = max(0, facility - renewables); surplus is exported where the site allows it, else curtailed.
 * The {@code check} package recomputes all of this on its own.
 */
public final class PowerFlow {

    private static final int BISECTION_STEPS = 80;

    private PowerFlow() {
    }

    /** Running job ids' contribution per slot: busy GPUs and IT delta kW. */
    public static List<SlotFlow> flows(Problem p, List<JobSchedule> schedules) {
        int n = p.slots();
        int[] busy = new int[n];
        double[] delta = new double[n];
        for (int slot = 0; slot < n; slot++) {
            busy[slot] = p.expectedLoad().gpus(slot);
            delta[slot] = p.forecast().unscheduledItKw(slot) + p.expectedLoad().deltaKw(slot);
        }
        for (JobSchedule s : schedules) {
            Job job = jobById(p, s.jobId());
            for (int slot : s.runSlots()) {
                busy[slot] += job.gpus();
                delta[slot] += job.deltaKw(p.site().idleKwPerGpu());
            }
        }
        List<SlotFlow> flows = new ArrayList<>(n);
        for (int slot = 0; slot < n; slot++) {
            flows.add(flow(p, slot, busy[slot], p.site().idleKw() + delta[slot]));
        }
        return flows;
    }

    static SlotFlow flow(Problem p, int slot, int busyGpus, double itKw) {
        Forecast f = p.forecast();
        double cooling = p.cooling().coolingKw(itKw, f.ambientC()[slot]);
        double facility = itKw + cooling;
        double renewable = f.renewableKw(slot);
        double net = facility - renewable;
        double importKw = Math.max(0, net);
        double surplus = Math.max(0, -net);
        double export = p.site().exportAllowed() ? surplus : 0;
        double cap = p.drCapKw(slot).orElse(Double.POSITIVE_INFINITY);
        double heat = Math.min(f.heatDemandKw()[slot], p.weights().heatRecoveryFraction() * itKw);
        return new SlotFlow(busyGpus, itKw, cooling, facility, renewable, importKw, export, surplus - export,
                Math.max(0, importKw - cap), heat);
    }

    /**
     * The slot's share of the objective at this IT power, EUR: import at price plus carbon price, less
     * feed-in, plus DR shortfall, less heat credit. Convex and non-decreasing past the renewables, so
     * the decomposition planner can price a slot's load with it; {@link #costs} sums the same terms.
     */
    public static double slotEur(Problem p, int slot, double itKw) {
        return slotEur(p, slot, itKw, p.drCapKw(slot).orElse(Double.POSITIVE_INFINITY));
    }

    /** {@link #slotEur(Problem, int, double)} with the slot's tightest DR cap given (infinite = none); allocation-free. */
    public static double slotEur(Problem p, int slot, double itKw, double drCapKw) {
        Weights w = p.weights();
        Forecast f = p.forecast();
        double facility = itKw + p.cooling().coolingKw(itKw, f.ambientC()[slot]);
        double net = facility - f.renewableKw(slot);
        double importKw = Math.max(0, net);
        double exportKw = p.site().exportAllowed() ? Math.max(0, -net) : 0;
        double shortfallKw = Math.max(0, importKw - drCapKw);
        double heatKw = Math.min(f.heatDemandKw()[slot], w.heatRecoveryFraction() * itKw);
        double carbonEurPerKwh = w.carbonEurPerTonne() * f.carbonGPerKwh()[slot] / 1e6;
        return p.horizon().slotHours() * (importKw * (f.priceEurPerKwh()[slot] + carbonEurPerKwh)
                - w.feedInEurPerKwh() * exportKw + w.drShortfallEurPerKwh() * shortfallKw
                - w.heatCreditEurPerKwh() * heatKw);
    }

    /**
     * The largest IT power, kW, at which the slot's grid import (facility less renewables) is at most
     * {@code capKw}; import rises with IT power, so a bisection finds it. Where even a very large load fits,
     * that load (the unscheduled IT load plus twice the cluster's full draw plus 1 MW) is returned.
     */
    public static double largestItKw(Problem p, int slot, double capKw) {
        SiteModel site = p.site();
        double top = p.forecast().unscheduledItKw(slot) + site.gpus() * Math.max(site.activeKwPerGpu(), site.idleKwPerGpu()) * 2 + 1000;
        if (importKw(p, slot, top) <= capKw) {
            return top;
        }
        double lo = 0;
        double hi = top;
        for (int i = 0; i < BISECTION_STEPS; i++) {
            double mid = (lo + hi) / 2;
            if (importKw(p, slot, mid) <= capKw) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double importKw(Problem p, int slot, double itKw) {
        Forecast f = p.forecast();
        return Math.max(0, itKw + p.cooling().coolingKw(itKw, f.ambientC()[slot]) - f.renewableKw(slot));
    }

    /** The objective of a plan, term by term. */
    public static Costs costs(Problem p, List<JobSchedule> schedules, List<SlotFlow> flows) {
        Weights w = p.weights();
        Forecast f = p.forecast();
        double h = p.horizon().slotHours();
        double energy = 0, export = 0, kwh = 0, co2 = 0, dr = 0, heat = 0;
        for (int s = 0; s < flows.size(); s++) {
            SlotFlow x = flows.get(s);
            energy += f.priceEurPerKwh()[s] * x.importKw() * h;
            export += w.feedInEurPerKwh() * x.exportKw() * h;
            kwh += x.importKw() * h;
            co2 += f.carbonGPerKwh()[s] * x.importKw() * h / 1000.0;
            dr += w.drShortfallEurPerKwh() * x.drShortfallKw() * h;
            heat += w.heatCreditEurPerKwh() * x.heatRecoveredKw() * h;
        }
        double late = 0, missed = 0, switching = 0, terminal = 0;
        for (JobSchedule s : schedules) {
            Job job = jobById(p, s.jobId());
            double gpuHoursFactor = job.gpus() * h * job.priority();
            late += w.latenessEurPerGpuHour() * gpuHoursFactor * s.lateSlots();
            if (s.outcome() == JobSchedule.Outcome.MISSED) {
                missed += (w.missedEurPerGpuHour() * job.gpus() * h * job.durationSlots() + w.missedJobEur())
                        * job.priority();
            }
            if (job.preemptible()) {
                switching += w.switchEurPerSegment() * Schedules.segments(job, s.runSlots());
            }
            terminal += p.terminalEurPerSlot(job) * Schedules.slotsPastHorizon(s, p.slots());
        }
        double carbonEur = co2 / 1000.0 * w.carbonEurPerTonne();
        return new Costs(energy, export, carbonEur, late, missed, dr, switching, heat, kwh, co2, terminal);
    }

    static Job jobById(Problem p, String id) {
        return p.jobs().stream().filter(j -> j.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no job " + id + " in the problem"));
    }
}
