package io.kelvin.energyoptimizer.app;

import io.kelvin.core.plan.PlanInput;
import io.kelvin.energyoptimizer.model.Forecast;
import io.kelvin.energyoptimizer.model.Horizon;
import java.util.List;
import java.util.Objects;

/** Where the app's plans take their forecast from: one value per slot of the horizon asked for, and its provenance. */
@FunctionalInterface
public interface ForecastSource {

    /**
     * The forecast a plan is made against, per input where it came from and how fresh it was, and per slot the PV
     * and wind forecasts' P10 and P90 (kW) around the forecast's PV and wind; stored with the plan's slots for the
     * plan view.
     */
    record PlanForecast(Forecast forecast, List<PlanInput> inputs, double[] pvP10Kw, double[] pvP90Kw,
                        double[] windP10Kw, double[] windP90Kw) {

        public PlanForecast {
            Objects.requireNonNull(forecast, "forecast");
            inputs = List.copyOf(inputs);
            pvP10Kw = pvP10Kw.clone();
            pvP90Kw = pvP90Kw.clone();
            windP10Kw = windP10Kw.clone();
            windP90Kw = windP90Kw.clone();
            int n = forecast.pvKw().length;
            if (pvP10Kw.length != n || pvP90Kw.length != n || windP10Kw.length != n || windP90Kw.length != n) {
                throw new IllegalArgumentException("pvP10Kw, pvP90Kw, windP10Kw and windP90Kw need one value per slot"
                        + " of the forecast");
            }
        }

        /** A forecast whose PV and wind have no spread (P10 = P90 = the value), for sources that measure no error. */
        public PlanForecast(Forecast forecast, List<PlanInput> inputs) {
            this(forecast, inputs, forecast.pvKw(), forecast.pvKw(), forecast.windKw(), forecast.windKw());
        }

        /** The same with another forecast of the same PV and wind (the bands are kept). */
        public PlanForecast withForecast(Forecast other) {
            return new PlanForecast(other, inputs, pvP10Kw, pvP90Kw, windP10Kw, windP90Kw);
        }

        @Override
        public double[] windP10Kw() {
            return windP10Kw.clone();
        }

        @Override
        public double[] windP90Kw() {
            return windP90Kw.clone();
        }

        @Override
        public double[] pvP10Kw() {
            return pvP10Kw.clone();
        }

        @Override
        public double[] pvP90Kw() {
            return pvP90Kw.clone();
        }
    }

    PlanForecast forecast(Horizon horizon);
}
