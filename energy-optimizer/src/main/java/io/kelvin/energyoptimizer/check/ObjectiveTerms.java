package io.kelvin.energyoptimizer.check;

import java.util.Locale;

/**
 * A plan's objective split into its terms as the checker recomputes them, EUR: energy (import at price),
 * carbon (import x intensity x carbon price), feed-in credit and heat credit (both counted as savings, so
 * subtracted), DR shortfall, lateness, missed jobs, the terminal charge for work past the horizon's end, and
 * switching (extra run segments). {@link #totalEur()} is the objective.
 */
public record ObjectiveTerms(double energyEur, double carbonEur, double feedInCreditEur, double heatCreditEur,
                             double drShortfallEur, double latenessEur, double missedEur, double terminalEur,
                             double switchingEur) {

    public static final ObjectiveTerms NONE = new ObjectiveTerms(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public double totalEur() {
        return energyEur + carbonEur - feedInCreditEur - heatCreditEur + drShortfallEur + latenessEur + missedEur
                + terminalEur + switchingEur;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "energy %.0f, carbon %.0f, feed-in -%.0f, heat -%.0f, dr shortfall %.0f,"
                        + " lateness %.0f, missed %.0f, terminal %.0f, switching %.0f EUR", energyEur, carbonEur,
                feedInCreditEur, heatCreditEur, drShortfallEur, latenessEur, missedEur, terminalEur, switchingEur);
    }
}
