package io.kelvin.energyoptimizer.model;

/**
 * Why a job runs where it runs. Savings compare the planned slots with running the job from its
 * release at once, priced at each slot's marginal grid share (0 where surplus renewables cover it):
 * positive = the plan is better (kWh from the grid, EUR of energy and carbon price, kg CO2).
 * {@code driver} names what put the job there.
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
