package io.kelvin.energyoptimizer.app;

import io.kelvin.energyoptimizer.model.Forecast;
import io.kelvin.energyoptimizer.model.Horizon;

/** Where the app's plans take their forecast from: one value per slot of the horizon asked for. */
@FunctionalInterface
public interface ForecastSource {

    Forecast forecast(Horizon horizon);
}
