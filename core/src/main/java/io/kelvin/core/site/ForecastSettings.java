package io.kelvin.core.site;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the site's forecasts are made, from the site file's {@code forecast:} mapping; every field has a default.
 *
 * @param pv   PV: rated kW (default: the rated kW of the devices behind the PV meters), the persistence window and
 *             blend time of the clearness anomaly, days of climatology, the clearness used without any history,
 *             and the days replayed to measure the P10/P90 error band
 * @param wind wind: a turbine power curve (used with a {@code wind_speed} feed) and the number of turbines
 *             (default: the devices behind the wind meters), else persistence of the measured output decaying
 *             to its mean over {@code historyDays}; the days replayed to measure its P10/P90 band
 * @param load the unscheduled IT load's similar-day model
 */
public record ForecastSettings(Pv pv, WindForecastSettings wind, Load load) {

    public static final ForecastSettings DEFAULT = new ForecastSettings(Pv.DEFAULT, WindForecastSettings.DEFAULT, Load.DEFAULT);

    public ForecastSettings {
        Objects.requireNonNull(pv, "pv");
        Objects.requireNonNull(wind, "wind");
        Objects.requireNonNull(load, "load");
    }

    public record Pv(Optional<Double> ratedKw, Duration persistenceWindow, Duration blendTime, int climatologyDays,
                     double defaultClearness, int bandDays) {
        public static final Pv DEFAULT = new Pv(Optional.empty(), Duration.ofHours(1), Duration.ofHours(2), 3, 0.7, 14);
    }

    /** Similar days averaged, weekdays and weekends apart or not, look-back, and the same-day adjustment. */
    public record Load(int similarDays, boolean weekdaysApart, int lookbackDays, Duration window, Duration blendTime) {
        public static final Load DEFAULT = new Load(3, true, 14, Duration.ofHours(1), Duration.ofHours(3));
    }

    /** Convenience for tests and defaults. */
    public static ForecastSettings withCurve(List<WindForecastSettings.CurvePoint> curve, int turbines) {
        return new ForecastSettings(Pv.DEFAULT, new WindForecastSettings(curve, Optional.of(turbines),
                WindForecastSettings.DEFAULT.window(), WindForecastSettings.DEFAULT.decay(),
                WindForecastSettings.DEFAULT.historyDays(), WindForecastSettings.DEFAULT.bandDays()), Load.DEFAULT);
    }
}
