package io.kelvin.energyoptimizer.app;

import io.kelvin.energyoptimizer.model.Weights;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the site's jobs are planned: a horizon of {@code horizonSlots} quarter hours from now; a
 * time-of-use tariff in EUR/kWh by local hour (24 values, index = hour of the day in the site's
 * time zone); a flat grid carbon intensity in gCO2/kWh; a flat ambient temperature in C for the
 * cooling model; the MILP time limit; how many slots past its deadline a job may still be
 * placed (later than that it is reported missed); and how far back urgent arrivals (jobs submitted
 * with at most {@code urgentSlack} to spare) are looked at to keep room for more like them
 * ({@code urgentArrivalWindow}, zero = keep no room); the objective's {@code weights} (also when a pending job
 * is given up); and how a job that reaches past the horizon's end is put into it ({@link JobFit}).
 */
public record PlanningSettings(int horizonSlots, List<Double> tariffEurPerKwh, double carbonGPerKwh,
                               double ambientC, Duration solverTimeLimit, int maxLateSlots,
                               Duration urgentArrivalWindow, Duration urgentSlack, Weights weights, JobFit jobFit) {

    /** How a pausable job that reaches past the horizon's end is put into the horizon. */
    public enum JobFit {
        /**
         * By its due work ({@link io.kelvin.energyoptimizer.model.Job#dueWorkIn}): the plan must do only the work
         * that cannot wait past the horizon's end and may do more, so the job can pause for jobs with less slack.
         * The app plans so.
         */
        DUE_WORK,
        /**
         * Over its whole remainder ({@link io.kelvin.energyoptimizer.model.Job#fittedTo}): the simple rules the
         * benchmarks compare against (run-immediately, greedy-window) plan so, as they are named for.
         */
        WHOLE_REMAINDER
    }

    /** Settings with the default weights, planning jobs by their due work. */
    public PlanningSettings(int horizonSlots, List<Double> tariffEurPerKwh, double carbonGPerKwh,
                            double ambientC, Duration solverTimeLimit, int maxLateSlots,
                            Duration urgentArrivalWindow, Duration urgentSlack) {
        this(horizonSlots, tariffEurPerKwh, carbonGPerKwh, ambientC, solverTimeLimit, maxLateSlots,
                urgentArrivalWindow, urgentSlack, Weights.defaults(), JobFit.DUE_WORK);
    }

    /** Settings that keep no room for urgent arrivals. */
    public PlanningSettings(int horizonSlots, List<Double> tariffEurPerKwh, double carbonGPerKwh, double ambientC,
                            Duration solverTimeLimit, int maxLateSlots) {
        this(horizonSlots, tariffEurPerKwh, carbonGPerKwh, ambientC, solverTimeLimit, maxLateSlots, Duration.ZERO,
                Duration.ZERO);
    }

    public PlanningSettings {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(jobFit, "jobFit");
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

    /** The same settings with other weights. */
    public PlanningSettings withWeights(Weights w) {
        return new PlanningSettings(horizonSlots, tariffEurPerKwh, carbonGPerKwh, ambientC, solverTimeLimit,
                maxLateSlots, urgentArrivalWindow, urgentSlack, w, jobFit);
    }

    /** The same settings putting jobs into the horizon by {@code fit}. */
    public PlanningSettings withJobFit(JobFit fit) {
        return new PlanningSettings(horizonSlots, tariffEurPerKwh, carbonGPerKwh, ambientC, solverTimeLimit,
                maxLateSlots, urgentArrivalWindow, urgentSlack, weights, fit);
    }
}
