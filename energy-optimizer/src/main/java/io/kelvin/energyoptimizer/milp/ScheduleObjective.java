package io.kelvin.energyoptimizer.milp;

import io.kelvin.energyoptimizer.model.Forecast;
import io.kelvin.energyoptimizer.model.Job;
import io.kelvin.energyoptimizer.model.Weights;

/**
 * The objective in EUR over the horizon: energy cost + carbon price x grid emissions - feed-in
 * credit + lateness and missed-deadline penalties (x priority) + DR shortfall + switching
 * - heat-recovery credit. Same terms as {@code model.Costs}.
 */
final class ScheduleObjective {

    private ScheduleObjective() {
    }

    static void add(ScheduleModel s) {
        addEnergyAndCarbon(s);
        addJobPenalties(s);
        addDemandResponseShortfall(s);
        addHeatCredit(s);
    }

    // Each imported kWh costs its slot's price plus carbon price x intensity; exported kWh earn feed-in.
    private static void addEnergyAndCarbon(ScheduleModel s) {
        Forecast f = s.p.forecast();
        Weights w = s.p.weights();
        double h = s.p.horizon().slotHours();
        for (int t = 0; t < s.p.slots(); t++) {
            double carbonEurPerKwh = w.carbonEurPerTonne() * f.carbonGPerKwh()[t] / 1e6;
            s.m.addObjective(s.grid[t], (f.priceEurPerKwh()[t] + carbonEurPerKwh) * h);
            s.m.addObjective(s.export[t], -w.feedInEurPerKwh() * h);
        }
    }

    // Late slots, missed jobs and extra run segments are penalised per GPU-hour, times priority; work past
    // the horizon's end is charged at the terminal rate.
    private static void addJobPenalties(ScheduleModel s) {
        Weights w = s.p.weights();
        double h = s.p.horizon().slotHours();
        for (JobVariables j : s.jobs) {
            Job job = j.job;
            double perSlot = job.gpus() * h * job.priority();
            double terminal = s.p.terminalEurPerSlot(job);
            for (int i = 0; i < j.vars.length; i++) {
                s.m.addObjective(j.vars[i], w.latenessEurPerGpuHour() * perSlot * j.lateSlots(i)
                        + terminal * j.slotsPastHorizon(i, s.p.slots()));
                if (job.preemptible()) {
                    s.m.addObjective(j.segmentVars[i], w.switchEurPerSegment());
                }
            }
            if (j.past >= 0) {
                s.m.addObjective(j.past, terminal);
            }
            s.m.addObjective(j.missed, (w.missedEurPerGpuHour() * perSlot * job.durationSlots()
                    + w.missedJobEur() * job.priority()));
        }
    }

    // Import above a soft DR cap costs the DR penalty per kWh.
    private static void addDemandResponseShortfall(ScheduleModel s) {
        double h = s.p.horizon().slotHours();
        s.drShortfall.values().forEach(v -> s.m.addObjective(v, s.p.weights().drShortfallEurPerKwh() * h));
    }

    // Heat delivered to an offtake that wants it earns the heat-recovery credit.
    private static void addHeatCredit(ScheduleModel s) {
        double h = s.p.horizon().slotHours();
        for (int t = 0; t < s.p.slots(); t++) {
            s.m.addObjective(s.heat[t], -s.p.weights().heatCreditEurPerKwh() * h);
        }
    }
}
