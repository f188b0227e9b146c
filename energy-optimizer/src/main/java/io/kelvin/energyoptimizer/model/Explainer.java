package io.kelvin.energyoptimizer.model;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Explains a job's slots against running it at once from its release: what the move saves (grid kWh,
 * EUR of energy plus carbon price, kg CO2; the marginal grid share of a slot is 1 when the plan imports
 * there and 0 when renewables are in surplus; energy per slot is the job's IT delta times the slot's
 * overhead), or, where it saves nothing, what forced it (GPUs, import limit or DR cap at release, or
 * room for other jobs). Times are in the problem's zone, with the date.
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
        double[] planned = marginal(p, job, s.runSlots(), flows);
        double[] now = marginal(p, job, immediate, flows);
        double kwh = now[0] - planned[0];
        double eur = now[1] - planned[1];
        double kg = now[2] - planned[2];
        double delayH = (s.firstSlot() - release) * p.horizon().slotHours();
        String late = s.outcome() == JobSchedule.Outcome.LATE
                ? String.format(Locale.ROOT, "; ends %d slots after its deadline %s", s.lateSlots(), when(p, job.deadlineSlot()))
                : "";
        String split = s.runSlots().size() > 1 && !contiguous(s.runSlots()) ? " (paused and resumed)" : "";
        if (delayH <= 0) {
            return new Explanation("runs at its release, " + when(p, s.firstSlot()) + split + late, kwh, eur, kg, Explanation.Driver.RELEASE);
        }
        String moved = String.format(Locale.ROOT, "deferred %.2f h to %s%s", delayH, when(p, s.firstSlot()), split);
        if (eur >= NO_SAVING_EUR) {
            return new Explanation(String.format(Locale.ROOT, "%s: saves %.0f kWh from the grid, %.2f EUR and %.1f kg CO2"
                    + " against starting at its release %s%s", moved, kwh, eur, kg, when(p, release), late), kwh, eur, kg,
                    Explanation.Driver.COST_AND_CARBON);
        }
        Explanation.Driver driver = forcedBy(p, job, flows, release);
        String cost = eur <= -NO_SAVING_EUR ? String.format(Locale.ROOT, " (costs %.2f EUR and %.1f kg CO2 more than"
                + " at release)", -eur, -kg) : " (no saving of its own)";
        return new Explanation(moved + cost + ": " + reason(driver, p, release) + late, kwh, eur, kg, driver);
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
            case GPU_CAPACITY -> "all GPUs were taken at its release";
            case DR_CAP -> "a DR cap of " + Math.round(p.drCapKw(release).orElse(0)) + " kW held at its release";
            case IMPORT_LIMIT -> "the grid import limit was reached at its release";
            default -> "its slots at release went to jobs that save more there, and it still ends by its deadline";
        };
    }

    private static String when(Problem p, int slot) {
        return WHEN.format(p.horizon().slotStart(slot).atZone(p.zone()));
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

    private static boolean contiguous(List<Integer> slots) {
        return slots.get(slots.size() - 1) - slots.get(0) == slots.size() - 1;
    }
}
