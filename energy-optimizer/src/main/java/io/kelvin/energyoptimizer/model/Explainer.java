package io.kelvin.energyoptimizer.model;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Explains a job's slots against running it at once from its release, every other job where the plan puts it:
 * what the move saves (kWh of grid import, EUR of import at price plus carbon price less feed-in, kg CO2),
 * computed with the power flow from the problem's forecasts, the IT load Kelvin does not schedule included,
 * as the difference between the site's flows with the job at its release and with it where planned.
 * Both placements hold the job's whole work left, as the objective does: run at once, that is its work (plus the
 * checkpoint a paused job pays to resume) from its release; as planned, its run slots and the slots of its work
 * past the horizon's end. Slots past the end are charged at the terminal rate ({@link Problem#terminalEurPerSlot}),
 * in EUR only (their kWh and CO2 are not known), so the EUR saved is the objective's difference between the two
 * placements in energy, carbon, feed-in and terminal charge. Every move states it, and the work it moves past the
 * horizon's end; where it saves nothing or costs more (negative savings), the text also says what the move serves
 * instead (GPUs, import limit or DR cap at release, or room for other jobs that run there), or that both placements
 * cost the same. Times are in the problem's zone, with the date.
 */
final class Explainer {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm zzz", Locale.ENGLISH);
    /** Savings below this (EUR) are no saving: the move is explained by what forced it. */
    private static final double NO_SAVING_EUR = 0.005;

    private Explainer() {
    }

    static Explanation explain(Problem p, Job job, JobSchedule s, List<JobSchedule> schedules, List<SlotFlow> flows) {
        if (s.outcome() == JobSchedule.Outcome.FIXED) {
            return new Explanation("already running since before " + when(p, 0) + ": fixed", 0, 0, 0, Explanation.Driver.FIXED);
        }
        if (s.outcome() == JobSchedule.Outcome.MISSED) {
            return missed(p, job);
        }
        int release = Math.max(0, job.releaseSlot());
        int work = immediateRunSlots(job, release);
        List<Integer> immediate = Schedules.contiguous(release, work, p.slots());
        int immediatePast = Math.max(0, release + work - p.slots());
        int plannedPast = Schedules.slotsPastHorizon(s, p.slots());
        double[] saved = saving(p, job, s.runSlots(), plannedPast, immediate, immediatePast, flows);
        double kwh = saved[0];
        double eur = saved[1];
        double kg = saved[2];
        double delayH = (s.firstSlot() - release) * p.horizon().slotHours();
        int leftOut = Schedules.open(job, p.slots()) ? plannedPast : 0;
        String late = s.outcome() == JobSchedule.Outcome.LATE
                ? Explanation.lateNote(p, s.lateSlots(), job.deadlineSlot())
                : leftOut > 0 ? String.format(Locale.ROOT, "; this plan holds %.2f h of its %.2f h of work, the rest runs"
                        + " after the horizon's end to end by its deadline %s",
                (job.durationSlots() - leftOut) * p.horizon().slotHours(), job.durationSlots() * p.horizon().slotHours(),
                when(p, job.deadlineSlot())) : "";
        String split = s.runSlots().size() > 1 && !contiguous(s.runSlots()) ? " (paused and resumed)" : "";
        int pastMoved = plannedPast - immediatePast;
        if (delayH <= 0 && pastMoved == 0) {
            return new Explanation("runs at its release, " + when(p, s.firstSlot()) + split + late, kwh, eur, kg, Explanation.Driver.RELEASE);
        }
        String moved = delayH <= 0 ? "starts at its release, " + when(p, s.firstSlot()) + split
                : String.format(Locale.ROOT, "deferred %.2f h to %s%s", delayH, when(p, s.firstSlot()), split);
        String against = (pastMoved == 0 ? " against starting at its release " : " against running all its work from"
                + " its release ") + when(p, release);
        String past = pastMoved == 0 ? "" : String.format(Locale.ROOT, "; %s %.2f h of its work %s the horizon's end (%s),"
                        + " %.2f EUR at the terminal rate, counted in the EUR", pastMoved > 0 ? "moves" : "brings",
                Math.abs(pastMoved) * p.horizon().slotHours(), pastMoved > 0 ? "past" : "back from past", when(p, p.slots()),
                Math.abs(pastMoved) * p.terminalEurPerSlot(job));
        if (eur >= NO_SAVING_EUR) {
            String saves = pastMoved == 0
                    ? String.format(Locale.ROOT, "saves %.1f kWh of grid import, %.2f EUR and %.1f kg CO2", tidy(kwh), eur, tidy(kg))
                    : String.format(Locale.ROOT, "saves %.2f EUR, with %s", eur, inside(kwh, kg));
            return new Explanation(moved + ": " + saves + against + past + late, kwh, eur, kg,
                    Explanation.Driver.COST_AND_CARBON);
        }
        Explanation.Driver driver = forcedBy(p, job, s, schedules, flows, release, immediate, eur);
        String benefit;
        if (eur <= -NO_SAVING_EUR) {
            benefit = pastMoved == 0
                    ? String.format(Locale.ROOT, "costs %.1f kWh of grid import, %.2f EUR and %.1f kg CO2 more (a negative"
                            + " saving)", tidy(-kwh), -eur, tidy(-kg))
                    : String.format(Locale.ROOT, "costs %.2f EUR more (a negative saving), with %s", -eur, inside(kwh, kg));
        } else {
            benefit = pastMoved == 0
                    ? String.format(Locale.ROOT, "saves nothing (%.1f kWh, %.2f EUR, %.1f kg CO2)", tidy(kwh), tidy(eur * 10) / 10, tidy(kg))
                    : String.format(Locale.ROOT, "saves nothing (%.2f EUR, with %s)", tidy(eur * 10) / 10, inside(kwh, kg));
        }
        return new Explanation(moved + ": " + benefit + against + past + "; " + reason(driver, p, release) + late,
                kwh, eur, kg, driver);
    }

    /**
     * The slots the job's work left takes run at once from its release: its work, plus the checkpoint its one
     * segment pays to resume where the model counts one ({@link Schedules#requiredRunSlots}: a paused job, or a
     * running one started later than slot 0).
     */
    private static int immediateRunSlots(Job job, int release) {
        return job.preemptible() ? Schedules.requiredRunSlots(job, List.of(release)) : job.durationSlots();
    }

    /** "11.0 kWh less grid import and 3.3 kg less CO2 inside the horizon", each with its own sign. */
    private static String inside(double savedKwh, double savedKg) {
        return String.format(Locale.ROOT, "%.1f kWh %s grid import and %.1f kg %s CO2 inside the horizon",
                Math.abs(tidy(savedKwh)), savedKwh < 0 ? "more" : "less", Math.abs(tidy(savedKg)), savedKg < 0 ? "more" : "less");
    }

    /** Why {@code job} is not placed. */
    private static Explanation missed(Problem p, Job job) {
        int[] window = Schedules.window(job, p.slots(), p.maxLateSlots());
        String why;
        if (Schedules.open(job, p.slots())) {
            why = "no room for the " + Schedules.minWorkIn(job, p.slots()) + " slots of its " + job.durationSlots()
                    + " slots of work"
                    + " that cannot wait past the horizon's end (its deadline " + when(p, job.deadlineSlot())
                    + ") between " + when(p, window[0]) + " and " + when(p, p.slots())
                    + " within the GPUs, the import limit and the DR caps left by other jobs";
        } else if (job.gpus() > p.site().gpus()) {
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

    /**
     * Why a job that saves nothing by waiting did not run at its release: no GPUs, a DR cap or the import limit
     * there, or other jobs running in the slots it would take (room they need); with none of these, both
     * placements cost the same, or the plan's placement is one the planner did not improve on.
     */
    private static Explanation.Driver forcedBy(Problem p, Job job, JobSchedule s, List<JobSchedule> schedules,
                                               List<SlotFlow> flows, int release, List<Integer> immediate, double eur) {
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
        java.util.Set<Integer> wanted = new java.util.HashSet<>(immediate);
        wanted.removeAll(s.runSlots());
        boolean othersThere = schedules.stream()
                .filter(o -> !o.jobId().equals(s.jobId()))
                .anyMatch(o -> o.runSlots().stream().anyMatch(wanted::contains));
        if (othersThere) {
            return Explanation.Driver.OTHER_JOBS;
        }
        return eur > -NO_SAVING_EUR ? Explanation.Driver.EQUAL_COST : Explanation.Driver.NOT_IMPROVED;
    }

    private static String reason(Explanation.Driver driver, Problem p, int release) {
        return switch (driver) {
            case GPU_CAPACITY -> "the move serves the GPU capacity: all GPUs were taken at its release";
            case DR_CAP -> "the move serves a DR cap of " + Math.round(p.drCapKw(release).orElse(0)) + " kW at its release";
            case IMPORT_LIMIT -> "the move serves the grid import limit at its release";
            case EQUAL_COST -> "no other job runs in the slots it leaves: both placements cost the same";
            case NOT_IMPROVED -> "no other job runs in the slots it leaves and nothing limits them: a placement the"
                    + " planner did not improve on";
            default -> "the move serves other jobs, which take its slots at release to save more there or to meet"
                    + " their deadlines; it still ends by its deadline";
        };
    }

    /** The value shown with one decimal, without a "-0.0" for a rounding remainder. */
    private static double tidy(double v) {
        return Math.abs(v) < 0.05 ? 0 : v;
    }

    static String when(Problem p, int slot) {
        return WHEN.format(p.horizon().slotStart(slot).atZone(p.zone()));
    }

    /**
     * {kWh of grid import, EUR, kg CO2} attributed to the job as schedule {@code s} of a plan with these
     * {@code flows} runs it: the site's flows with it there less the flows without it, the rest of the plan
     * unchanged, and its work past the horizon's end at the terminal rate (in the EUR only; a fixed job's too, which
     * the objective leaves out as no decision, so a running job costs the same whether one plan holds it fixed and
     * another by its due work); the same recomputation as a move's saving, with the job moved out of the horizon.
     */
    static double[] attributed(Problem p, Job job, JobSchedule s, List<SlotFlow> flows) {
        int past = s.outcome() == JobSchedule.Outcome.MISSED ? 0 : Math.max(0, s.endSlot() - p.slots());
        double[] saved = saving(p, job, s.runSlots(), past, List.of(), 0, flows);
        return new double[] {-saved[0], -saved[1], -saved[2]};
    }

    /**
     * {kWh of grid import, EUR, kg CO2} the plan saves against the job running in {@code immediate} instead of
     * {@code planned}, the rest of the plan unchanged: the power flow of every slot the two differ in, recomputed
     * with the job moved (cooling, renewables, export and the unscheduled load of that slot included), and the
     * terminal charge of the slots of work each has past the horizon's end (EUR only).
     */
    private static double[] saving(Problem p, Job job, List<Integer> planned, int plannedPast, List<Integer> immediate,
                                   int immediatePast, List<SlotFlow> flows) {
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
        eur += (immediatePast - plannedPast) * p.terminalEurPerSlot(job);
        return new double[] {kwh, eur, kg};
    }

    private static boolean contiguous(List<Integer> slots) {
        return slots.get(slots.size() - 1) - slots.get(0) == slots.size() - 1;
    }
}
