package io.kelvin.energyoptimizer.model;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Explains a job's slots against running it at once from its release, every other job where the plan puts it:
 * what the move saves (kWh of grid import, EUR of import at price plus carbon price less feed-in, kg CO2),
 * computed with the power flow from the problem's forecasts, the IT load Kelvin does not schedule included,
 * as the difference between the site's flows with the job at its release and with it where planned.
 * Every move states it; where it saves nothing or costs more (negative savings), the text also says what the
 * move serves instead (GPUs, import limit or DR cap at release, or room for other jobs that then meet their
 * deadlines or save more). Times are in the problem's zone, with the date.
 */
final class Explainer {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm zzz", Locale.ENGLISH);
    /** Savings below this (EUR) are no saving: the move is explained by what forced it. */
    private static final double NO_SAVING_EUR = 0.005;

    private Explainer() {
    }

    static Explanation explain(Problem p, Job job, JobSchedule s, List<SlotFlow> flows) {
        if (s.outcome() == JobSchedule.Outcome.FIXED) {
            return new Explanation("already running since before " + when(p, 0) + ": fixed", 0, 0, 0, Explanation.Driver.FIXED);
        }
        if (s.outcome() == JobSchedule.Outcome.MISSED) {
            return missed(p, job);
        }
        int release = Math.max(0, job.releaseSlot());
        List<Integer> immediate = Schedules.contiguous(release, s.runSlots().size(), p.slots());
        double[] saved = saving(p, job, s.runSlots(), immediate, flows);
        double kwh = saved[0];
        double eur = saved[1];
        double kg = saved[2];
        double delayH = (s.firstSlot() - release) * p.horizon().slotHours();
        String late = s.outcome() == JobSchedule.Outcome.LATE
                ? String.format(Locale.ROOT, "; ends %d slots after its deadline %s", s.lateSlots(), when(p, job.deadlineSlot()))
                : "";
        String split = s.runSlots().size() > 1 && !contiguous(s.runSlots()) ? " (paused and resumed)" : "";
        if (delayH <= 0) {
            return new Explanation("runs at its release, " + when(p, s.firstSlot()) + split + late, kwh, eur, kg, Explanation.Driver.RELEASE);
        }
        String moved = String.format(Locale.ROOT, "deferred %.2f h to %s%s", delayH, when(p, s.firstSlot()), split);
        String against = " against starting at its release " + when(p, release);
        if (eur >= NO_SAVING_EUR) {
            return new Explanation(String.format(Locale.ROOT, "%s: saves %.1f kWh of grid import, %.2f EUR and %.1f kg CO2"
                    + "%s%s", moved, tidy(kwh), eur, tidy(kg), against, late), kwh, eur, kg, Explanation.Driver.COST_AND_CARBON);
        }
        Explanation.Driver driver = forcedBy(p, job, flows, release);
        String benefit = eur <= -NO_SAVING_EUR
                ? String.format(Locale.ROOT, "costs %.1f kWh of grid import, %.2f EUR and %.1f kg CO2 more (a negative"
                        + " saving)%s; the move serves ", tidy(-kwh), -eur, tidy(-kg), against)
                : String.format(Locale.ROOT, "saves nothing (%.1f kWh, %.2f EUR, %.1f kg CO2)%s; the move serves ",
                        tidy(kwh), tidy(eur * 10) / 10, tidy(kg), against);
        return new Explanation(moved + ": " + benefit + reason(driver, p, release) + late, kwh, eur, kg, driver);
    }

    private static Explanation missed(Problem p, Job job) {
        int[] window = Schedules.window(job, p.slots(), p.maxLateSlots());
        String why;
        if (job.gpus() > p.site().gpus()) {
            why = "needs " + job.gpus() + " GPUs, the site has " + p.site().gpus();
        } else if (window[1] < window[0]) {
            why = "its window (release " + when(p, Math.max(0, job.releaseSlot())) + ", deadline "
                    + when(p, job.deadlineSlot()) + ", " + p.maxLateSlots() + " slots late allowed) cannot hold its "
                    + job.durationSlots() + " slots of work inside the horizon";
        } else {
            why = "no room for its " + job.durationSlots() + " slots of work between " + when(p, window[0]) + " and "
                    + when(p, Math.min(p.slots(), job.deadlineSlot() + p.maxLateSlots()))
                    + " within the GPUs, the import limit and the DR caps left by other jobs";
        }
        return new Explanation("not scheduled: " + why, 0, 0, 0, Explanation.Driver.NO_ROOM);
    }

    /** Why a job that saves nothing by waiting did not run at its release. */
    private static Explanation.Driver forcedBy(Problem p, Job job, List<SlotFlow> flows, int release) {
        SlotFlow atRelease = flows.get(Math.min(release, flows.size() - 1));
        if (atRelease.busyGpus() + job.gpus() > p.site().gpus()) {
            return Explanation.Driver.GPU_CAPACITY;
        }
        double extraKw = job.deltaKw(p.site().idleKwPerGpu()) * atRelease.facilityKw() / atRelease.itKw();
        if (p.drCapKw(release).isPresent() && atRelease.importKw() + extraKw > p.drCapKw(release).getAsDouble()) {
            return Explanation.Driver.DR_CAP;
        }
        if (atRelease.importKw() + extraKw > p.site().importLimitKw()) {
            return Explanation.Driver.IMPORT_LIMIT;
        }
        return Explanation.Driver.OTHER_JOBS;
    }

    private static String reason(Explanation.Driver driver, Problem p, int release) {
        return switch (driver) {
            case GPU_CAPACITY -> "the GPU capacity: all GPUs were taken at its release";
            case DR_CAP -> "a DR cap of " + Math.round(p.drCapKw(release).orElse(0)) + " kW at its release";
            case IMPORT_LIMIT -> "the grid import limit at its release";
            default -> "other jobs, which take its slots at release to save more there or to meet their deadlines;"
                    + " it still ends by its deadline";
        };
    }

    /** The value shown with one decimal, without a "-0.0" for a rounding remainder. */
    private static double tidy(double v) {
        return Math.abs(v) < 0.05 ? 0 : v;
    }

    private static String when(Problem p, int slot) {
        return WHEN.format(p.horizon().slotStart(slot).atZone(p.zone()));
    }

    /**
     * {kWh of grid import, EUR, kg CO2} attributed to the job running in {@code slots} of a plan with these
     * {@code flows}: the site's flows with it there less the flows without it, the rest of the plan unchanged (the
     * same recomputation as a move's saving, with the job moved out of the horizon).
     */
    static double[] attributed(Problem p, Job job, List<Integer> slots, List<SlotFlow> flows) {
        double[] saved = saving(p, job, slots, List.of(), flows);
        return new double[] {-saved[0], -saved[1], -saved[2]};
    }

    /**
     * {kWh of grid import, EUR, kg CO2} the plan saves against the job running in {@code immediate} instead of
     * {@code planned}, the rest of the plan unchanged: the power flow of every slot the two differ in, recomputed
     * with the job moved (cooling, renewables, export and the unscheduled load of that slot included).
     */
    private static double[] saving(Problem p, Job job, List<Integer> planned, List<Integer> immediate,
                                   List<SlotFlow> flows) {
        double delta = job.deltaKw(p.site().idleKwPerGpu());
        java.util.Map<Integer, Integer> moved = new java.util.TreeMap<>();
        planned.forEach(t -> moved.merge(t, -1, Integer::sum));
        immediate.forEach(t -> moved.merge(t, 1, Integer::sum));
        double h = p.horizon().slotHours();
        double kwh = 0, eur = 0, kg = 0;
        for (var e : moved.entrySet()) {
            int t = e.getKey();
            if (e.getValue() == 0 || t < 0 || t >= flows.size()) {
                continue;
            }
            SlotFlow plan = flows.get(t);
            SlotFlow other = PowerFlow.flow(p, t, plan.busyGpus() + e.getValue() * job.gpus(),
                    plan.itKw() + e.getValue() * delta);
            double importKwh = (other.importKw() - plan.importKw()) * h;
            double exportKwh = (other.exportKw() - plan.exportKw()) * h;
            double carbon = p.forecast().carbonGPerKwh()[t];
            kwh += importKwh;
            eur += importKwh * (p.forecast().priceEurPerKwh()[t] + p.weights().carbonEurPerTonne() * carbon / 1e6)
                    - exportKwh * p.weights().feedInEurPerKwh();
            kg += importKwh * carbon / 1000.0;
        }
        return new double[] {kwh, eur, kg};
    }

    private static boolean contiguous(List<Integer> slots) {
        return slots.get(slots.size() - 1) - slots.get(0) == slots.size() - 1;
    }
}
