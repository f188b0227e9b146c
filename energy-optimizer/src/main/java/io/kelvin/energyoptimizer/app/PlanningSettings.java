package io.kelvin.energyoptimizer.app;

import java.time.Duration;
import java.util.List;

/**
 * How the site's jobs are planned: a horizon of {@code horizonSlots} quarter hours from now; a
 * time-of-use tariff in EUR/kWh by local hour (24 values, index = hour of the day in the site's
 * time zone); a flat grid carbon intensity in gCO2/kWh; a flat ambient temperature in C for the
 * cooling model; the MILP time limit; how many slots past its deadline a job may still be
 * placed (later than that it is reported missed); and how far back urgent arrivals (jobs submitted
 * with at most {@code urgentSlack} to spare) are looked at to keep room for more like them
 * ({@code urgentArrivalWindow}, zero = keep no room).
 */
public record PlanningSettings(int horizonSlots, List<Double> tariffEurPerKwh, double carbonGPerKwh,
                               double ambientC, Duration solverTimeLimit, int maxLateSlots,
                               Duration urgentArrivalWindow, Duration urgentSlack) {

    /** Settings that keep no room for urgent arrivals. */
    public PlanningSettings(int horizonSlots, List<Double> tariffEurPerKwh, double carbonGPerKwh, double ambientC,
                            Duration solverTimeLimit, int maxLateSlots) {
        this(horizonSlots, tariffEurPerKwh, carbonGPerKwh, ambientC, solverTimeLimit, maxLateSlots, Duration.ZERO,
                Duration.ZERO);
    }

    public PlanningSettings {
        tariffEurPerKwh = List.copyOf(tariffEurPerKwh);
        if (tariffEurPerKwh.size() != 24) {
            throw new IllegalArgumentException("kelvin.planning.tariff-eur-per-kwh: needs 24 hourly prices, has "
                    + tariffEurPerKwh.size());
        }
        if (horizonSlots < 1 || maxLateSlots < 0) {
            throw new IllegalArgumentException("kelvin.planning: horizon-slots must be >= 1 and max-late-slots >= 0");
        }
        if (urgentArrivalWindow.isNegative() || urgentSlack.isNegative()) {
            throw new IllegalArgumentException("kelvin.planning: urgent-arrival-window (" + urgentArrivalWindow
                    + ") and urgent-slack (" + urgentSlack + ") must not be negative");
        }
    }
}
