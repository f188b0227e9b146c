package io.kelvin.energyoptimizer.model;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Explains a job's slots against running it at once from its release. The marginal grid share of a
 * slot is 1 when the plan imports there and 0 when renewables are in surplus; energy per slot is
 * the job's IT delta times the slot's overhead (facility / IT).
 */
final class Explainer {

    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Explainer() {
    }

    static Explanation explain(Problem p, Job job, JobSchedule s, List<SlotFlow> flows) {
        if (s.outcome() == JobSchedule.Outcome.FIXED) {
            return new Explanation("already running: fixed", 0, 0, 0, "fixed");
        }
        if (s.outcome() == JobSchedule.Outcome.MISSED) {
            return new Explanation("cannot meet its deadline within the horizon: not scheduled", 0, 0, 0, "deadline");
        }
        int release = Math.max(0, job.releaseSlot());
        List<Integer> immediate = Schedules.contiguous(release, s.runSlots().size(), p.slots());
        double[] planned = marginal(p, job, s.runSlots(), flows);
        double[] now = marginal(p, job, immediate, flows);
        String boundBy = boundBy(p, job, s, flows, release);
        double delayH = (s.firstSlot() - release) * p.horizon().slotHours();
        String when = HHMM.format(p.horizon().slotStart(s.firstSlot()));
        String what = delayH <= 0 ? "runs at release " + when
                : String.format(Locale.ROOT, "deferred %.2f h to %s", delayH, when);
        String text = String.format(Locale.ROOT, "%s%s, saves %.0f kWh grid, %.2f EUR, %.1f kg CO2 vs running at once;"
                        + " bound by %s%s", what, s.runSlots().size() > 1 && !contiguous(s.runSlots()) ? " (split)" : "",
                now[0] - planned[0], now[1] - planned[1], now[2] - planned[2], boundBy,
                s.outcome() == JobSchedule.Outcome.LATE ? ", " + s.lateSlots() + " slots late" : "");
        return new Explanation(text, now[0] - planned[0], now[1] - planned[1], now[2] - planned[2], boundBy);
    }

    /** {kWh from the grid, EUR, kg CO2} the job's slots draw at the margin. */
    private static double[] marginal(Problem p, Job job, List<Integer> slots, List<SlotFlow> flows) {
        double kwh = 0, eur = 0, kg = 0;
        for (int slot : slots) {
            SlotFlow f = flows.get(slot);
            double overhead = f.itKw() > 0 ? f.facilityKw() / f.itKw() : 1;
            double gridShare = f.importKw() > 0 ? 1 : 0;
            double e = job.deltaKw(p.site().idleKwPerGpu()) * overhead * p.horizon().slotHours() * gridShare;
            kwh += e;
            eur += e * (p.forecast().priceEurPerKwh()[slot] + p.weights().carbonEurPerTonne()
                    * p.forecast().carbonGPerKwh()[slot] / 1e6);
            kg += e * p.forecast().carbonGPerKwh()[slot] / 1000.0;
        }
        return new double[] {kwh, eur, kg};
    }

    private static String boundBy(Problem p, Job job, JobSchedule s, List<SlotFlow> flows, int release) {
        if (s.firstSlot() <= release) {
            return "release";
        }
        SlotFlow atRelease = flows.get(Math.min(release, flows.size() - 1));
        if (atRelease.busyGpus() + job.gpus() > p.site().gpus()) {
            return "gpu-capacity";
        }
        double extraKw = job.deltaKw(p.site().idleKwPerGpu()) * atRelease.facilityKw() / atRelease.itKw();
        if (p.drCapKw(release).isPresent() && atRelease.importKw() + extraKw > p.drCapKw(release).getAsDouble()) {
            return "dr-cap";
        }
        if (atRelease.importKw() + extraKw > p.site().importLimitKw()) {
            return "import-limit";
        }
        return s.endSlot() >= job.deadlineSlot() ? "deadline" : "none (cost and carbon)";
    }

    private static boolean contiguous(List<Integer> slots) {
        return slots.get(slots.size() - 1) - slots.get(0) == slots.size() - 1;
    }
}
