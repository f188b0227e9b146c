package io.kelvin.energyoptimizer.model;

/**
 * Objective weights, all in EUR: carbon price per tonne CO2, feed-in tariff per exported kWh,
 * lateness per GPU-hour late, missed deadline per GPU-hour of work (plus {@code missedJobEur} per
 * job), DR shortfall per kWh above a cap, switching per run segment, heat-recovery credit per kWh
 * of heat delivered; {@code heatRecoveryFraction} is the share of IT power recoverable as heat.
 */
public record Weights(double carbonEurPerTonne, double feedInEurPerKwh, double latenessEurPerGpuHour,
                      double missedEurPerGpuHour, double missedJobEur, double drShortfallEurPerKwh,
                      double switchEurPerSegment, double heatCreditEurPerKwh, double heatRecoveryFraction) {

    public static Weights defaults() {
        return new Weights(80, 0.03, 2.0, 20.0, 500, 5.0, 0.5, 0.02, 0.7);
    }

    public Weights withCarbonPrice(double eurPerTonne) {
        return new Weights(eurPerTonne, feedInEurPerKwh, latenessEurPerGpuHour, missedEurPerGpuHour,
                missedJobEur, drShortfallEurPerKwh, switchEurPerSegment, heatCreditEurPerKwh, heatRecoveryFraction);
    }
}
