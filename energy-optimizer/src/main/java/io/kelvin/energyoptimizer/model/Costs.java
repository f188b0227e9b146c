package io.kelvin.energyoptimizer.model;

/**
 * A plan's objective, term by term, in EUR (credits positive, subtracted in {@link #totalEur()}),
 * plus the physical totals: grid import kWh and grid emissions kg CO2 over the horizon.
 * {@code terminalEur} charges the work that runs past the horizon's end ({@link Problem#terminalEurPerKwh}).
 */
public record Costs(double energyEur, double exportCreditEur, double carbonEur, double latenessEur,
                    double missedEur, double drPenaltyEur, double switchingEur, double heatCreditEur,
                    double importKwh, double co2Kg, double terminalEur) {

    public double totalEur() {
        return energyEur - exportCreditEur + carbonEur + latenessEur + missedEur + drPenaltyEur
                + switchingEur - heatCreditEur + terminalEur;
    }
}
