package io.kelvin.energyoptimizer.app;

import io.kelvin.core.plan.PlanInput;
import io.kelvin.energyoptimizer.model.Forecast;
import io.kelvin.energyoptimizer.model.Horizon;
import java.util.List;
import java.util.Objects;

/** Where the app's plans take their forecast from: one value per slot of the horizon asked for, and its provenance. */
@FunctionalInterface
public interface ForecastSource {

    /** The forecast a plan is made against and, per input, where it came from and how fresh it was. */
    record PlanForecast(Forecast forecast, List<PlanInput> inputs) {

        public PlanForecast {
            Objects.requireNonNull(forecast, "forecast");
            inputs = List.copyOf(inputs);
        }
    }

    PlanForecast forecast(Horizon horizon);
}
