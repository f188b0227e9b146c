package io.kelvin.energyoptimizer.model;

/**
 * Power in one slot, all kW, averages over the slot. Import and export are positive numbers
 * (import = from the grid); {@code curtailedKw} is renewable output neither used nor exported.
 */
public record SlotFlow(int busyGpus, double itKw, double coolingKw, double facilityKw, double renewableKw,
                       double importKw, double exportKw, double curtailedKw, double drShortfallKw,
                       double heatRecoveredKw) {

    /** Renewable power used on site. */
    public double selfConsumedKw() {
        return renewableKw - exportKw - curtailedKw;
    }
}
