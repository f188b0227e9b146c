package io.kelvin.core.site;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Wind forecast settings: {@code powerCurve} (kW of one turbine at a hub-height speed; empty when none is
 * configured), {@code turbines} (default: the devices behind the wind meters), and for persistence the window
 * that sets "now", the decay time towards the mean, and the days the mean is taken over; {@code bandDays}: the
 * days of history the forecast is replayed over to measure its P10-P90 band.
 */
public record WindForecastSettings(List<CurvePoint> powerCurve, Optional<Integer> turbines, Duration window,
                                   Duration decay, int historyDays, int bandDays) {

    public static final WindForecastSettings DEFAULT = new WindForecastSettings(List.of(), Optional.empty(),
            Duration.ofHours(1), Duration.ofHours(4), 7, 14);

    public WindForecastSettings {
        powerCurve = List.copyOf(powerCurve);
    }

    /** One point of a power curve: wind speed in m/s and the turbine's output in kW. */
    public record CurvePoint(double speedMs, double kw) {
    }
}
