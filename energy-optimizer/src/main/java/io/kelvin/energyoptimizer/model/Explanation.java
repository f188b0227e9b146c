package io.kelvin.energyoptimizer.model;

import java.util.Locale;

/**
 * Why a job runs where it runs. Savings compare the plan with the same plan but this job's whole work left run from
 * its release at once, through the power flow of the slots the two differ in (renewables, cooling and the IT
 * load Kelvin does not schedule included) and the terminal charge of the work each leaves past the horizon's end:
 * positive = the plan is better (kWh of grid import and kg CO2 inside the horizon; EUR of import at price plus
 * carbon price less feed-in, and the terminal charge); negative when the move serves something else (a DR cap,
 * the import limit, GPUs, other jobs' savings or deadlines), which {@code driver} names.
 */
public record Explanation(String text, double savedKwh, double savedEur, double savedKgCo2, Driver driver) {

    /** Savings a rounding remainder away from zero (a move that changes no kWh, -3e-13) are zero. */
    public Explanation {
        savedKwh = withoutRemainder(savedKwh);
        savedEur = withoutRemainder(savedEur);
        savedKgCo2 = withoutRemainder(savedKgCo2);
    }

    /**
     * How an explanation ends for a job that ends {@code lateSlots} after its deadline (slot {@code deadlineSlot} of
     * {@code p}): "; ends N slots after its deadline Tue 2026-12-08 10:15 CST", in the problem's zone.
     */
    public static String lateNote(Problem p, int lateSlots, int deadlineSlot) {
        return String.format(Locale.ROOT, "; ends %d slots after its deadline %s", lateSlots,
                Explainer.when(p, deadlineSlot));
    }

    private static double withoutRemainder(double v) {
        return Math.abs(v) < 1e-9 ? 0 : v;
    }

    /** What put a job where it is. */
    public enum Driver {
        /** Runs from its release. */
        RELEASE,
        /** Moved for a saving in energy cost and carbon. */
        COST_AND_CARBON,
        /** No free GPUs at its release. */
        GPU_CAPACITY,
        /** The grid import limit at its release. */
        IMPORT_LIMIT,
        /** A DR cap at its release. */
        DR_CAP,
        /** Gave its release slots to jobs that run there, to save more or to meet their deadlines. */
        OTHER_JOBS,
        /** Moved where it costs the same as at its release, nothing else wanting its slots there. */
        EQUAL_COST,
        /** Costs more where it is, and nothing the plan counts wants its slots at release. */
        NOT_IMPROVED,
        /** Not scheduled: no room, or a window the horizon cannot hold. */
        NO_ROOM,
        /** Already running and may not pause. */
        FIXED
    }
}
