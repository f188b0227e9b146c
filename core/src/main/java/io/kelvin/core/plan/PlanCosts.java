package io.kelvin.core.plan;

/**
 * What a plan predicts over its horizon: the objective and its terms in EUR (credits positive and
 * subtracted), grid import in kWh, grid emissions in kg CO2, and PUE (facility kWh / IT kWh).
 * {@code costEur} is what the grid bill would be: energy minus export credit.
 */
public record PlanCosts(double objectiveEur, double costEur, double energyEur, double exportCreditEur,
                        double carbonEur, double latenessEur, double missedEur, double drPenaltyEur,
                        double switchingEur, double heatCreditEur, double importKwh, double co2Kg, double pue) {
}
