package io.kelvin.energyoptimizer.model;

/**
 * Why a job runs where it runs. Savings compare the plan with the same plan but this job run from its
 * release at once, through the power flow of the slots the two differ in (renewables, cooling and the IT
 * load Kelvin does not schedule included): positive = the plan is better (kWh of grid import, EUR of import
 * at price plus carbon price less feed-in, kg CO2); negative when the move serves something else (a DR cap,
 * the import limit, GPUs, other jobs' savings or deadlines), which {@code driver} names.
 */
public record Explanation(String text, double savedKwh, double savedEur, double savedKgCo2, Driver driver) {

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
        /** Gave its release slots to jobs that save more there. */
        OTHER_JOBS,
        /** Not scheduled: no room, or a window the horizon cannot hold. */
        NO_ROOM,
        /** Already running and may not pause. */
        FIXED
    }
}
